package cn.xiaoan.analytics.build;

import cn.xiaoan.analytics.figure.SqlFunctions;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.domain.District;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.TaxonomyKind;
import cn.xiaoan.domain.Term;
import cn.xiaoan.ingest.SchoolMove;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The DuckDB side of a model build: the engine-specific glue (reading Parquet, loading reference rows, writing Parquet)
 * around the engine-neutral SQL of {@code sql/raw/} and {@code sql/model/}.
 */
final class DuckDbBuildEngine implements BuildEngine {
    private final Connection connection;

    /** An in-memory database that spills to {@code spillDirectory} when a build does not fit in memory. */
    DuckDbBuildEngine(Path spillDirectory) {
        var properties = new Properties();
        properties.setProperty("temp_directory", spillDirectory.toString());
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:", properties);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open DuckDB for the model build: " + e.getMessage(), e);
        }
        // the functions the engine-neutral SQL calls: DuckDB's spelling of days_between, then the shared definitions
        execute(SqlTemplate.load("dialect/duckdb.sql").positional().sql());
        SqlFunctions.duckDb().forEach(this::execute);
    }

    /**
     * Makes {@code raw_<dataset>} a relation with the contract's columns and types: the typed empty table when there
     * is no batch yet, else a view over the batches' Parquet files.
     */
    @Override
    public void registerRaw(RawBatches raw) {
        String table = "raw_" + raw.dataset().directory();
        execute(SqlTemplate.load("raw/" + raw.dataset().directory() + ".sql")
                .positional()
                .sql());
        if (raw.isEmpty()) {
            return;
        }
        List<Column> columns = columnsOf(table);
        var selects = new ArrayList<String>();
        if (!raw.parquetFiles().isEmpty()) {
            selects.add(select(columns, raw.parquetFiles(), column -> column.name()));
        }
        for (RawBatches.SharedRows shared : raw.sharedRows()) {
            // the shared parts read as this batch's own snapshot: its id and report date replace the constant columns
            selects.add(select(columns, shared.parquetFiles(), column -> switch (column.name()) {
                case "batch_id" -> Long.toString(shared.batchId());
                case "report_date" -> "DATE '" + shared.reportDate() + "'";
                default -> column.name();
            }));
        }
        execute("DROP TABLE " + table);
        execute("CREATE VIEW " + table + " AS " + String.join(" UNION ALL ", selects));
    }

    /**
     * The files as the contract's columns. Like union_by_name within the files, a column none of them has (batches
     * written before it existed, e.g. the ledger's 责任单位) reads as NULL, as on Spark.
     */
    private String select(List<Column> columns, List<Path> parquetFiles, Function<Column, String> value) {
        String files = parquetFiles.stream()
                .map(path -> SqlTemplate.quote(path.toString()))
                .collect(Collectors.joining(", "));
        String source = "read_parquet([" + files + "], union_by_name = true)";
        Set<String> present = columnNamesOf(source);
        String casts = columns.stream()
                .map(column -> {
                    String read = value.apply(column);
                    String expression = read.equals(column.name()) && !present.contains(column.name()) ? "NULL" : read;
                    return "CAST(" + expression + " AS " + column.type() + ") AS " + column.name();
                })
                .collect(Collectors.joining(", "));
        return "SELECT " + casts + " FROM " + source;
    }

    private Set<String> columnNamesOf(String source) {
        var names = new HashSet<String>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the columns of the raw Parquet: " + e.getMessage(), e);
        }
        return names;
    }

    @Override
    public void registerSchoolMoves(List<SchoolMove> moves) {
        execute(SqlTemplate.load("raw/school_moves.sql").positional().sql());
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO raw_school_moves VALUES (?, ?, ?, ?, ?)")) {
            for (SchoolMove move : moves) {
                insert.setLong(1, move.sequence());
                insert.setString(2, move.schoolCode());
                insert.setString(3, move.fromDistrict());
                insert.setString(4, move.toDistrict());
                insert.setObject(5, move.effectiveFrom());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the school moves into the build: " + e.getMessage(), e);
        }
    }

    @Override
    public void registerBatches(List<BatchStamp> batches) {
        execute(SqlTemplate.load("raw/batches.sql").positional().sql());
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO raw_batches VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (BatchStamp batch : batches) {
                insert.setString(1, batch.dataset().directory());
                insert.setLong(2, batch.batchId());
                insert.setObject(3, batch.reportDate());
                insert.setString(4, batch.ingestedAtText());
                insert.setString(5, batch.fileName());
                insert.setLong(6, batch.rowsRead());
                insert.setString(7, batch.reportingUnit());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the batches into the build: " + e.getMessage(), e);
        }
    }

    /** Loads the taxonomy and districts as {@code ref_term} and {@code ref_district}, each with its display order. */
    @Override
    public void registerReference(ReferenceData reference) {
        execute("CREATE TABLE ref_term (kind VARCHAR, code VARCHAR, name_zh VARCHAR, name_en VARCHAR,"
                + " sort_order INTEGER)");
        execute("CREATE TABLE ref_district (code VARCHAR, name_zh VARCHAR, name_en VARCHAR, city_code VARCHAR,"
                + " city_zh VARCHAR, city_en VARCHAR, sort_order INTEGER)");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ref_term VALUES (?, ?, ?, ?, ?)")) {
            for (TaxonomyKind kind : TaxonomyKind.values()) {
                List<Term> terms = reference.taxonomy().terms(kind);
                for (int i = 0; i < terms.size(); i++) {
                    Term term = terms.get(i);
                    insert.setString(1, kind.fileKind());
                    insert.setString(2, term.code());
                    insert.setString(3, term.nameZh());
                    insert.setString(4, term.nameEn());
                    insert.setInt(5, i + 1);
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the taxonomy into the build: " + e.getMessage(), e);
        }
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO ref_district VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            List<District> districts = reference.districts().all();
            for (int i = 0; i < districts.size(); i++) {
                District district = districts.get(i);
                insert.setString(1, district.code());
                insert.setString(2, district.nameZh());
                insert.setString(3, district.nameEn());
                insert.setString(4, district.cityCode());
                insert.setString(5, district.cityZh());
                insert.setString(6, district.cityEn());
                insert.setInt(7, i + 1);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the districts into the build: " + e.getMessage(), e);
        }
    }

    /** Materialises one model table from its SQL. */
    @Override
    public void create(ModelTable table) {
        SqlTemplate.PositionalSql query = table.query();
        String sql = "CREATE TABLE " + table.tableName() + " AS\n" + query.sql();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            List<Object> values = query.values(table.parameters());
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot build model table " + table.tableName() + " (" + query.name() + "): " + e.getMessage(), e);
        }
    }

    /** Writes one model table to a single Parquet file (DuckDB writes local files only) and returns its row count. */
    @Override
    public long export(ModelTable table, URI target) {
        Path file = Path.of(target);
        execute("COPY " + table.tableName() + " TO " + SqlTemplate.quote(file.toString()) + " (FORMAT parquet)");
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table.tableName())) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count rows of " + table.tableName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the build's DuckDB: " + e.getMessage(), e);
        }
    }

    private List<Column> columnsOf(String table) {
        var columns = new ArrayList<Column>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?"
                        + " ORDER BY ordinal_position")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new Column(rows.getString(1), rows.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the columns of " + table + ": " + e.getMessage(), e);
        }
        return columns;
    }

    private void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot build the model: " + e.getMessage(), e);
        }
    }

    private record Column(String name, String type) {}
}
