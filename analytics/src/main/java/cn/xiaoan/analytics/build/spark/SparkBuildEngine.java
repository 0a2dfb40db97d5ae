package cn.xiaoan.analytics.build.spark;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.build.BatchStamp;
import cn.xiaoan.analytics.build.BuildEngine;
import cn.xiaoan.analytics.build.BuildEngineChoice;
import cn.xiaoan.analytics.build.RawBatches;
import cn.xiaoan.analytics.figure.SqlFunctions;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.domain.District;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.TaxonomyKind;
import cn.xiaoan.domain.Term;
import cn.xiaoan.ingest.SchoolMove;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark side of a model build: raw batches and reference rows become temporary views under the same names DuckDB
 * uses, each model table is the unchanged SQL of {@code sql/model/} run by {@code spark.sql}, and each is written as a
 * directory of Parquet part files, which later tables then read back instead of recomputing.
 */
public final class SparkBuildEngine implements BuildEngine {
    /** Spark's spelling of the engine-specific functions (e.g. {@code days_between}), defined before any table. */
    static final String DIALECT_RESOURCE = "/sql/dialect/spark.sql";

    private final SparkSession spark;
    private final boolean ownsSession;
    private final Set<String> views = new LinkedHashSet<>();

    private SparkBuildEngine(SparkSession spark, boolean ownsSession) {
        this.spark = spark;
        this.ownsSession = ownsSession;
        defineFunctions(spark);
    }

    /** A new session on {@code master}, with its shuffle spill in {@code scratch}; stopped on {@link #close()}. */
    public static SparkBuildEngine start(String master, Path scratch) {
        return start(master, scratch, Map.of());
    }

    /** As {@link #start(String, Path)}, with extra Spark settings (e.g. executor memory for a small cluster). */
    public static SparkBuildEngine start(String master, Path scratch, Map<String, String> settings) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("xiaoan model build")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.local.dir", scratch.toString())
                // Spark's job marker would sit beside the part files; the model directory is published whole.
                .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
        if (onLoopback(master)) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        settings.forEach(builder::config);
        return new SparkBuildEngine(builder.getOrCreate(), true);
    }

    /** The choice of building in an existing session (spark-submit's, or a test's), which outlives the build. */
    public static BuildEngineChoice choiceIn(SparkSession session) {
        requireNonNull(session, "session");
        return new BuildEngineChoice(
                "spark",
                "Spark on " + session.sparkContext().master(),
                scratch -> new SparkBuildEngine(session, false));
    }

    /** Local masters and a standalone master on this machine: keep the driver on loopback (no LAN exposure). */
    static boolean onLoopback(String master) {
        return master.startsWith("local")
                || master.startsWith("spark://127.0.0.1:")
                || master.startsWith("spark://localhost:");
    }

    @Override
    public void registerRaw(RawBatches raw) {
        String view = "raw_" + raw.dataset().directory();
        StructType schema = rawSchema(raw.dataset().directory());
        Dataset<Row> rows = raw.parquetFiles().isEmpty()
                ? spark.createDataFrame(List.of(), schema)
                : read(schema, raw.parquetFiles(), Map.of());
        for (RawBatches.SharedRows shared : raw.sharedRows()) {
            // the shared parts read as this batch's own snapshot: its id and report date replace the constant columns
            rows = rows.unionByName(read(
                    schema,
                    shared.parquetFiles(),
                    Map.of(
                            "batch_id", functions.lit(shared.batchId()),
                            "report_date", functions.lit(java.sql.Date.valueOf(shared.reportDate())))));
        }
        register(view, rows);
    }

    /** The files as the contract's columns, with {@code replaced} columns set to the given values. */
    private Dataset<Row> read(StructType schema, List<java.nio.file.Path> parquetFiles, Map<String, Column> replaced) {
        String[] files =
                parquetFiles.stream().map(path -> path.toUri().toString()).toArray(String[]::new);
        // Like DuckDB's union_by_name: batches written before a column existed read it as NULL.
        Dataset<Row> read = spark.read().option("mergeSchema", "true").parquet(files);
        Set<String> present = new HashSet<>();
        Arrays.stream(read.columns()).forEach(name -> present.add(name.toLowerCase(java.util.Locale.ROOT)));
        var columns = new ArrayList<Column>();
        for (StructField field : schema.fields()) {
            Column source = replaced.containsKey(field.name())
                    ? replaced.get(field.name())
                    : present.contains(field.name()) ? functions.col(field.name()) : functions.lit(null);
            columns.add(source.cast(field.dataType()).as(field.name()));
        }
        return read.select(columns.toArray(Column[]::new));
    }

    @Override
    public void registerSchoolMoves(List<SchoolMove> moves) {
        var rows = new ArrayList<Row>(moves.size());
        for (SchoolMove move : moves) {
            rows.add(RowFactory.create(
                    move.sequence(),
                    move.schoolCode(),
                    move.fromDistrict(),
                    move.toDistrict(),
                    java.sql.Date.valueOf(move.effectiveFrom())));
        }
        register("raw_school_moves", spark.createDataFrame(rows, rawSchema("school_moves")));
    }

    @Override
    public void registerBatches(List<BatchStamp> batches) {
        var rows = new ArrayList<Row>(batches.size());
        for (BatchStamp batch : batches) {
            rows.add(RowFactory.create(
                    batch.dataset().directory(),
                    batch.batchId(),
                    java.sql.Date.valueOf(batch.reportDate()),
                    batch.ingestedAtText(),
                    batch.fileName(),
                    batch.rowsRead(),
                    batch.reportingUnit()));
        }
        register("raw_batches", spark.createDataFrame(rows, rawSchema("batches")));
    }

    @Override
    public void registerReference(ReferenceData reference) {
        var terms = new ArrayList<Row>();
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            List<Term> kindTerms = reference.taxonomy().terms(kind);
            for (int i = 0; i < kindTerms.size(); i++) {
                Term term = kindTerms.get(i);
                terms.add(RowFactory.create(kind.fileKind(), term.code(), term.nameZh(), term.nameEn(), i + 1));
            }
        }
        register(
                "ref_term",
                spark.createDataFrame(
                        terms,
                        StructType.fromDDL(
                                "kind STRING, code STRING, name_zh STRING, name_en STRING, sort_order INT")));
        var districts = new ArrayList<Row>();
        List<District> all = reference.districts().all();
        for (int i = 0; i < all.size(); i++) {
            District d = all.get(i);
            districts.add(
                    RowFactory.create(d.code(), d.nameZh(), d.nameEn(), d.cityCode(), d.cityZh(), d.cityEn(), i + 1));
        }
        register(
                "ref_district",
                spark.createDataFrame(
                        districts,
                        StructType.fromDDL("code STRING, name_zh STRING, name_en STRING, city_code STRING,"
                                + " city_zh STRING, city_en STRING, sort_order INT")));
    }

    @Override
    public void create(ModelTable table) {
        SqlTemplate.PositionalSql query = table.query();
        try {
            // Spark binds the same positional markers DuckDB's JDBC driver does.
            Object[] values = query.values(table.parameters()).toArray();
            Dataset<Row> rows = values.length == 0 ? spark.sql(query.sql()) : spark.sql(query.sql(), values);
            register(table.tableName(), rows);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot build model table " + table.tableName() + " (" + query.name() + ") with Spark: "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public long export(ModelTable table, URI target) {
        String location = target.toString();
        try {
            spark.table(table.tableName()).write().parquet(location);
            // Later tables read what was written rather than recomputing this one's plan.
            Dataset<Row> written = spark.read().parquet(location);
            register(table.tableName(), written);
            return written.count();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot write model table " + table.tableName() + " to " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (ownsSession) {
            spark.stop();
        } else {
            views.forEach(view -> spark.catalog().dropTempView(view));
        }
    }

    private void register(String view, Dataset<Row> rows) {
        rows.createOrReplaceTempView(view);
        views.add(view);
    }

    /** The column list of {@code sql/raw/<dataset>.sql} (the raw contract DuckDB creates as an empty table). */
    private static StructType rawSchema(String dataset) {
        SqlTemplate template = SqlTemplate.load("raw/" + dataset + ".sql");
        String ddl = template.text();
        int open = ddl.indexOf('(');
        int close = ddl.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalStateException("Cannot read the raw schema of " + dataset + ": " + template.name()
                    + " is not CREATE TABLE name (columns)");
        }
        return StructType.fromDDL(ddl.substring(open + 1, close));
    }

    /**
     * Defines in {@code spark} the functions the engine-neutral SQL calls: Spark's spelling of the engine-specific ones
     * ({@link #DIALECT_RESOURCE}) and the shared definitions of {@link SqlFunctions}. Temporary functions live as long
     * as the session, so every session that runs model or figure SQL needs this once.
     */
    public static void defineFunctions(SparkSession spark) {
        try (InputStream in = SparkBuildEngine.class.getResourceAsStream(DIALECT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Cannot define Spark's SQL functions: " + DIALECT_RESOURCE + " is not on the classpath");
            }
            String text = SqlTemplate.of(DIALECT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .text();
            for (String statement : text.split(";")) {
                if (!statement.isBlank()) {
                    spark.sql(statement);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DIALECT_RESOURCE, e);
        }
        SqlFunctions.spark().forEach(spark::sql);
    }
}
