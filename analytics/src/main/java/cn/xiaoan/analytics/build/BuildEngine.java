package cn.xiaoan.analytics.build;

import cn.xiaoan.analytics.publish.ModelFiles;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.ingest.SchoolMove;
import java.net.URI;
import java.util.List;

/**
 * One engine's side of a model build: the glue (reading raw Parquet, loading reference rows, writing Parquet) around
 * the engine-neutral SQL of {@code sql/raw/} and {@code sql/model/}, which every engine runs unchanged.
 */
public interface BuildEngine extends AutoCloseable {
    /** Makes {@code raw_<dataset>} a relation with the contract's columns and types (empty when no batch exists). */
    void registerRaw(RawBatches raw);

    /**
     * Makes {@code raw_school_moves} (the columns of {@code sql/raw/school_moves.sql}) hold the moves of schools between
     * districts, in log order.
     */
    void registerSchoolMoves(List<SchoolMove> moves);

    /**
     * Makes {@code raw_batches} (the columns of {@code sql/raw/batches.sql}) hold the standing batches the model reads,
     * with their ingest instants (see {@link BatchStamp}).
     */
    void registerBatches(List<BatchStamp> batches);

    /** Makes the taxonomy and districts {@code ref_term} and {@code ref_district}, each with its display order. */
    void registerReference(ReferenceData reference);

    /** Defines one model table from its SQL; later tables may read it by name. */
    void create(ModelTable table);

    /**
     * Writes one model table as Parquet at {@code target} ({@code …/<table>.parquet}: a file or a directory of part
     * files, see {@link ModelFiles}) and returns its row count.
     */
    long export(ModelTable table, URI target);

    @Override
    void close();
}
