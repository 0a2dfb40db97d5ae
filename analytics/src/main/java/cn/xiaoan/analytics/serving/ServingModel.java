package cn.xiaoan.analytics.serving;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.analytics.figure.Member;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.publish.BuildManifest;
import cn.xiaoan.analytics.publish.ModelFiles;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One published model version opened for serving: its schema of views, its dimension members and latest report. */
public record ServingModel(
        ModelVersion version,
        String schema,
        Map<Dimension, List<Member>> members,
        Optional<LocalDate> latestReportDate) {
    public ServingModel {
        requireNonNull(version, "version");
        requireNonNull(schema, "schema");
        members = Map.copyOf(members);
        requireNonNull(latestReportDate, "latestReportDate");
    }

    /** The members of a dimension in reference (display) order. */
    public List<Member> members(Dimension dimension) {
        return members.getOrDefault(dimension, List.of());
    }

    public static ServingModel open(ServingDatabase database, Warehouse warehouse, long number) {
        return open(database, warehouse.model(number), "model_v" + number);
    }

    /** The same model stamped with the knowledge time it answers for (a known-at model serves several). */
    public ServingModel knowing(Knowledge knowledge) {
        ModelVersion stamped = new ModelVersion(version.version(), version.batchIds(), version.builtAt(), knowledge);
        return new ServingModel(stamped, schema, members, latestReportDate);
    }

    /**
     * The same tables stamped as another version built from the same batches (a version gc removed, rebuilt from its
     * knowledge time to check a report that names it).
     */
    public ServingModel stampedAs(ModelVersion same) {
        if (!same.batchIds().equals(version.batchIds())) {
            throw new IllegalArgumentException("Cannot stamp a model of batches " + version.batchIds() + " as version "
                    + same.version() + " of batches " + same.batchIds());
        }
        return new ServingModel(same, schema, members, latestReportDate);
    }

    /** What an answer from this model is cached under: its schema and the knowledge time it is stamped with. */
    public String answerKey() {
        return version.knowledge().latest() ? schema : schema + "@" + version.knowledge();
    }

    /** Opens a model directory (a published version, or a known-at model) as views in {@code schema}. */
    public static ServingModel open(ServingDatabase database, Path directory, String schema) {
        String number = directory.getFileName().toString();
        BuildManifest manifest = BuildManifest.read(directory.resolve(BuildManifest.FILE_NAME));
        var parquetByTable = new LinkedHashMap<ModelTable, Path>();
        for (ModelTable table : ModelTable.values()) {
            Path file = ModelFiles.location(directory, table);
            if (!ModelFiles.exists(file)) {
                throw new IllegalStateException("Cannot open model version " + number + ": " + file
                        + " is missing; rebuild the model with bin/xiaoan build");
            }
            parquetByTable.put(table, file);
        }
        database.openTables(schema, parquetByTable);
        try (Connection connection = database.connect(schema)) {
            var members = new EnumMap<Dimension, List<Member>>(Dimension.class);
            for (Dimension dimension : Dimension.values()) {
                if (dimension.memberTable().isPresent()) {
                    members.put(
                            dimension,
                            members(connection, dimension.memberTable().get()));
                }
            }
            return new ServingModel(manifest.version(), schema, members, latestReportDate(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open model version " + number + ": " + e.getMessage(), e);
        }
    }

    private static List<Member> members(Connection connection, String memberTable) throws SQLException {
        var members = new ArrayList<Member>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT code, name_zh, name_en FROM " + memberTable + " ORDER BY sort_order")) {
            while (rows.next()) {
                members.add(new Member(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return members;
    }

    private static Optional<LocalDate> latestReportDate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MAX(report_date) FROM current_hazards")) {
            rows.next();
            return Optional.ofNullable(rows.getObject(1, LocalDate.class));
        }
    }
}
