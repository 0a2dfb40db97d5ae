package cn.xiaoan.analytics.bench;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.SqlFunctions;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.publish.ModelFiles;
import cn.xiaoan.analytics.publish.ModelNotBuiltException;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.analytics.publish.PublishedModel;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The published model's Parquet read straight with a DuckDB of its own, outside the server: what a benchmark needs to
 * draw valid questions (members, schools, dates), and the baseline every served answer is compared with: a raw scan
 * of every hazard answering the overview's heatmap (open hazards and their risk weight by district × category at an
 * as-of date), with no cube, no cache and no prepared plan.
 */
public final class PublishedFacts implements AutoCloseable {
    private static final SqlTemplate HEATMAP_SCAN = SqlTemplate.load("bench/heatmap_scan.sql");

    private final Connection connection;
    private final Path versionDirectory;

    private PublishedFacts(Connection connection, Path versionDirectory) {
        this.connection = connection;
        this.versionDirectory = versionDirectory;
    }

    /** The model CURRENT names; throws {@link ModelNotBuiltException} before a build. */
    public static PublishedFacts open(Warehouse warehouse) {
        long version = PublishedModel.currentVersion(warehouse)
                .orElseThrow(() -> new ModelNotBuiltException(warehouse.root()));
        Path directory = warehouse.model(version);
        try {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = connection.createStatement()) {
                for (ModelTable table : ModelTable.values()) {
                    statement.execute("CREATE VIEW " + table.tableName() + " AS SELECT * FROM read_parquet("
                            + SqlTemplate.quote(ModelFiles.duckDbSource(ModelFiles.location(directory, table)))
                            + ")");
                }
                // the figures' own functions, as DuckDB macros: inlined where called, so the scan stays raw
                for (String function : SqlFunctions.duckDb()) {
                    statement.execute(function);
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new PublishedFacts(connection, directory);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open DuckDB to read the published model: " + e.getMessage(), e);
        }
    }

    /** The member codes of every closed dimension, in display order. */
    public Map<Dimension, List<String>> members() {
        var members = new EnumMap<Dimension, List<String>>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            if (dimension.memberTable().isPresent()) {
                members.put(
                        dimension,
                        strings("SELECT code FROM " + dimension.memberTable().get() + " ORDER BY sort_order"));
            }
        }
        return members;
    }

    /** Every school of the model's register. */
    public List<String> schools() {
        return strings("SELECT school_code FROM dim_school ORDER BY school_code");
    }

    /** The first day a hazard was found on. */
    public LocalDate firstFoundDate() {
        return date("SELECT MIN(found_date) FROM hazard_facts");
    }

    /** The latest report date (the server's default as-of date). */
    public LocalDate latestReportDate() {
        return date("SELECT MAX(report_date) FROM current_hazards");
    }

    /** How many hazards the facts hold. */
    public long hazards() {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM hazard_facts")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw failed("count the hazards", e);
        }
    }

    /** Scans every hazard for the heatmap at {@code asOf}; returns the cells read (district × category present). */
    public int scanHeatmap(LocalDate asOf) {
        SqlTemplate.PositionalSql sql = HEATMAP_SCAN.positional();
        List<Object> values = sql.values(Map.of("as_of", asOf));
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            int cells = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(3);
                    rows.getLong(4);
                    cells++;
                }
            }
            return cells;
        } catch (SQLException e) {
            throw failed("scan the hazards for the heatmap", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failed("close DuckDB", e);
        }
    }

    private List<String> strings(String sql) {
        var values = new ArrayList<String>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw failed("read " + sql, e);
        }
        return values;
    }

    private LocalDate date(String sql) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            LocalDate value = rows.getObject(1, LocalDate.class);
            if (value == null) {
                throw new IllegalStateException("The published model in " + versionDirectory + " has no hazards");
            }
            return value;
        } catch (SQLException e) {
            throw failed("read " + sql, e);
        }
    }

    private IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(
                "Cannot " + what + " in the model at " + versionDirectory + ": " + e.getMessage(), e);
    }
}
