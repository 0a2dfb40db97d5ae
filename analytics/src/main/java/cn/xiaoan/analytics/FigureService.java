package cn.xiaoan.analytics;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.District;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves figures from the published model with DuckDB in-process: one in-memory database holds views over each model
 * version's Parquet files; each request runs on its own duplicate of the root connection. When {@code model/CURRENT}
 * changes, the next request opens the new version; requests already running finish on the old one.
 */
public final class FigureService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FigureService.class);

    private final Warehouse warehouse;
    private final ReferenceData reference;
    private final Clock clock;
    private final ServingDatabase database;
    /** More heavy queries at once than cores only slows each down (RECIPES.md): the rest wait their turn. */
    private final Semaphore queries;

    private ServingModel serving;

    public FigureService(Warehouse warehouse, ReferenceData reference) {
        this(warehouse, reference, Clock.systemDefaultZone());
    }

    public FigureService(Warehouse warehouse, ReferenceData reference, Clock clock) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.reference = requireNonNull(reference, "reference");
        this.clock = requireNonNull(clock, "clock");
        this.database = new ServingDatabase();
        this.queries = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** The published model version, or empty when no model has been built yet. */
    public Optional<ModelVersion> modelVersion() {
        return published().map(ServingModel::version);
    }

    /** A figure by two dimensions over the published model; throws {@link ModelNotBuiltException} before a build. */
    public Heatmap heatmap(HeatmapRequest request) {
        requireNonNull(request, "request");
        ServingModel model = published().orElseThrow(() -> new ModelNotBuiltException(warehouse.root()));
        LocalDate asOf = request.asOf()
                .or(() -> request.period().map(Period::to))
                .or(model::latestReportDate)
                .orElseGet(() -> LocalDate.now(clock));
        Period period = request.period().orElseGet(() -> Period.yearTo(asOf));

        SqlTemplate.PositionalSql sql = FigureQuery.render(request.metric(), request.rows(), request.columns())
                .positional();
        List<Object> values = sql.values(Map.of(
                "as_of", Date.valueOf(asOf),
                "period_start", Date.valueOf(period.from()),
                "period_end", Date.valueOf(period.to())));

        Map<String, Double> valuesByCell = new HashMap<>();
        queries.acquireUninterruptibly();
        try (Connection connection = database.connect(model.schema());
                PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Number value = (Number) rows.getObject("value");
                    valuesByCell.put(
                            cellKey(rows.getString("row_code"), rows.getString("column_code")),
                            value == null ? null : value.doubleValue());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot compute " + request.metric().code() + " by "
                            + request.rows().code() + " × "
                            + request.columns().code() + " on model version "
                            + model.version().version() + ": "
                            + e.getMessage(),
                    e);
        } finally {
            queries.release();
        }

        List<Member> rows = model.members(request.rows());
        List<Member> columns = model.members(request.columns());
        var cells = new ArrayList<Cell>(rows.size() * columns.size());
        for (Member row : rows) {
            for (Member column : columns) {
                cells.add(new Cell(row.code(), column.code(), valuesByCell.get(cellKey(row.code(), column.code()))));
            }
        }
        return new Heatmap(
                request.rows(),
                request.columns(),
                request.metric(),
                asOf,
                period,
                rows,
                columns,
                cells,
                model.version());
    }

    @Override
    public void close() {
        database.close();
    }

    /** The model CURRENT points at, opened on first use; re-read on every call so a new build is picked up. */
    private synchronized Optional<ServingModel> published() {
        OptionalLong current = PublishedModel.currentVersion(warehouse);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        if (serving == null || serving.version().version() != current.getAsLong()) {
            serving = ServingModel.open(database, warehouse, current.getAsLong());
            warnIfReferenceDiffers(serving);
        }
        return Optional.of(serving);
    }

    private void warnIfReferenceDiffers(ServingModel model) {
        List<String> modelDistricts =
                model.members(Dimension.DISTRICT).stream().map(Member::code).toList();
        List<String> referenceDistricts =
                reference.districts().all().stream().map(District::code).toList();
        if (!modelDistricts.equals(referenceDistricts)) {
            LOG.warn(
                    "Model version {} was built with other districts than the reference data; run bin/xiaoan build",
                    model.version().version());
        }
    }

    private static String cellKey(String rowCode, String columnCode) {
        return rowCode + "\u0000" + columnCode;
    }
}
