package cn.xiaoan.ingest;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import java.util.Optional;

/**
 * Turns a dataset's rows into typed Parquet rows: {@link #convert} validates one row into the converter's own fields
 * (recording every problem), and {@link #append} writes those fields, in {@link #columnsDdl()} order. One instance
 * per file, not thread-safe.
 */
abstract class Converter {
    /** The columns every dataset ends with, after its own. */
    static final String COMMON_COLUMNS_DDL = "batch_id BIGINT, report_date DATE, source_row INTEGER, extra VARCHAR";

    abstract Schema schema();

    /** The dataset's own columns as SQL column definitions (the Parquet contract). */
    abstract String columnsDdl();

    /** Validates the row; true when it has no problem and may be appended. */
    abstract boolean convert(RowCheck row);

    abstract void append(RowWriter out);

    /**
     * The converter for a submitter who may only report for {@code submitterDistrict} (when present); the ledger's
     * converter records hazard ids in {@code firstRowOfHazard} to find duplicates.
     */
    static Converter of(
            Dataset dataset,
            ReferenceData reference,
            Register register,
            Optional<String> submitterDistrict,
            FirstRows firstRowOfHazard) {
        return switch (dataset) {
            case SCHOOLS -> new SchoolsConverter(reference, register, submitterDistrict);
            case LEDGER -> new LedgerConverter(reference, register, firstRowOfHazard);
            case INSPECTIONS -> new InspectionsConverter(reference, register);
            case SURVEYS -> new SurveysConverter(register);
            case DRILLS -> new DrillsConverter(register);
        };
    }

    static Schema schemaOf(Dataset dataset) {
        return switch (dataset) {
            case SCHOOLS -> SchoolsConverter.SCHEMA;
            case LEDGER -> LedgerConverter.SCHEMA;
            case INSPECTIONS -> InspectionsConverter.SCHEMA;
            case SURVEYS -> SurveysConverter.SCHEMA;
            case DRILLS -> DrillsConverter.SCHEMA;
        };
    }
}
