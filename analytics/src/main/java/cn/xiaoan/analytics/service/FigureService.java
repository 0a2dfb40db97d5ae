package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Cell;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.FactSource;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureQuery;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.analytics.figure.Member;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.figure.QuestionSize;
import cn.xiaoan.analytics.figure.ResolvedQuestion;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.figure.TimeGrain;
import cn.xiaoan.analytics.publish.KnownModelSource;
import cn.xiaoan.analytics.publish.ModelNotBuiltException;
import cn.xiaoan.analytics.serving.AnswerCache;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.analytics.serving.RequestTimings;
import cn.xiaoan.analytics.serving.ServingDatabase;
import cn.xiaoan.analytics.serving.ServingLimits;
import cn.xiaoan.analytics.serving.ServingModel;
import cn.xiaoan.analytics.serving.ServingQueryTimeoutException;
import cn.xiaoan.analytics.serving.ServingSession;
import cn.xiaoan.analytics.serving.SqlList;
import cn.xiaoan.domain.District;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Files;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves figures from the published model with DuckDB in-process: one in-memory database holds views over each model
 * version's Parquet files; each request runs on its own duplicate of the root connection. When {@code model/CURRENT}
 * changes, the new version opens beside the old one ({@link PublishedModels}); requests already running finish on the
 * old one. Bounded by {@link ServingLimits}: a question larger than the cell budget is refused before it runs, a
 * statement running past the timeout is cancelled, DuckDB keeps to its memory limit (spilling to {@code tmp/serving}
 * under the warehouse) and the cache of answers to its byte budget.
 */
public final class FigureService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FigureService.class);

    private final Warehouse warehouse;
    private final ReferenceData reference;
    private final Clock clock;
    private final ServingDatabase database;
    private final ServingLimits limits;
    /** Cancels statements that run past {@link ServingLimits#queryTimeout()}. */
    private final ScheduledExecutorService timeouts;
    /** More heavy queries at once than cores only slows each down (docs/OPERATIONS.md): the rest wait their turn. */
    private final Semaphore queries;

    private final PublishedModels published;
    private final KnownModelSource known;
    /** Known-at models opened in the serving database, by selection key; least recently used retired first. */
    private final Map<String, ServingModel> knownOpen = new LinkedHashMap<>(16, 0.75f, true);

    private final AnswerCache answers;
    private static final int KNOWN_OPEN = 16;
    private static final SqlTemplate YEARS = SqlTemplate.load("drill/years.sql");

    public FigureService(Warehouse warehouse, ReferenceData reference) {
        this(warehouse, reference, Clock.systemDefaultZone());
    }

    public FigureService(Warehouse warehouse, ReferenceData reference, Clock clock) {
        this(warehouse, reference, clock, ServingLimits.defaults());
    }

    public FigureService(Warehouse warehouse, ReferenceData reference, Clock clock, ServingLimits limits) {
        this(warehouse, reference, clock, limits, KnownModelSource.refusing());
    }

    /** {@code known}: builds the models of known-at / reported-by questions ({@link #snapshot(Knowledge)}). */
    public FigureService(
            Warehouse warehouse, ReferenceData reference, Clock clock, ServingLimits limits, KnownModelSource known) {
        this.known = requireNonNull(known, "known");
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.reference = requireNonNull(reference, "reference");
        this.clock = requireNonNull(clock, "clock");
        this.limits = requireNonNull(limits, "limits");
        this.database = new ServingDatabase(
                limits.memoryLimit(), warehouse.root().resolve("tmp").resolve("serving"));
        this.answers = new AnswerCache(limits.answerCacheBytes());
        this.published = new PublishedModels(warehouse, database, limits.publishWait(), this::switched);
        this.queries = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
        this.timeouts = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "xiaoan-serving-timeout");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The limits this service answers within. */
    public ServingLimits limits() {
        return limits;
    }

    /** The published model version, or empty when no model has been built yet. */
    public Optional<ModelVersion> modelVersion() {
        return published.current().map(ServingModel::version);
    }

    /**
     * The published model, read once: a request takes it at its start and hands it to every service it calls, so
     * all its defaults and figures come from one version; throws {@link ModelNotBuiltException} before a build.
     */
    public ModelSnapshot snapshot() {
        ServingModel model = model();
        return new ModelSnapshot(model, model.latestReportDate().orElseGet(() -> LocalDate.now(clock)));
    }

    /**
     * The model as known with {@code knowledge}: the published one for {@link Knowledge#LATEST}, else the model of
     * the batches known then ({@link KnownModelSource}, built on first use), stamped with the knowledge time. Every
     * service answers from the snapshot unchanged.
     */
    public ModelSnapshot snapshot(Knowledge knowledge) {
        if (knowledge.latest()) {
            return snapshot();
        }
        ServingModel model = knownModel(knowledge);
        return new ModelSnapshot(model, model.latestReportDate().orElseGet(() -> LocalDate.now(clock)));
    }

    /**
     * A kept model version, published or not (e.g. the version a report names), as it answered then; empty when gc
     * has removed it.
     */
    public Optional<ModelSnapshot> snapshotOfVersion(long version) {
        java.nio.file.Path directory = warehouse.model(version);
        if (!Files.isRegularFile(directory.resolve(cn.xiaoan.analytics.publish.BuildManifest.FILE_NAME))) {
            return Optional.empty();
        }
        ServingModel model;
        synchronized (knownOpen) {
            model = knownOpen.get("v=" + version);
            if (model == null) {
                model = ServingModel.open(database, directory, "kept_v" + version);
                knownOpen.put("v=" + version, model);
            }
        }
        return Optional.of(new ModelSnapshot(model, model.latestReportDate().orElseGet(() -> LocalDate.now(clock))));
    }

    private ServingModel knownModel(Knowledge knowledge) {
        KnownModelSource.KnownModel found = known.model(knowledge);
        synchronized (knownOpen) {
            ServingModel open = knownOpen.get(found.key());
            if (open == null || !Files.isDirectory(found.directory())) {
                open = ServingModel.open(database, found.directory(), "known_" + found.key());
                knownOpen.put(found.key(), open);
                if (knownOpen.size() > KNOWN_OPEN) {
                    var eldest = knownOpen.entrySet().iterator();
                    database.retire(eldest.next().getValue().schema());
                    eldest.remove();
                }
            }
            return open.knowing(knowledge);
        }
    }

    /** The members of a closed dimension in display order (empty for time dimensions), from the published model. */
    public List<Member> members(Dimension dimension) {
        return model().members(dimension);
    }

    /** The years the published model's calendar covers, oldest first (e.g. for a year picker). */
    public List<String> years() {
        return years(snapshot());
    }

    /** The years the snapshot's calendar covers, oldest first. */
    public List<String> years(ModelSnapshot snapshot) {
        return select(snapshot.model(), YEARS, Map.of(), result -> result.getString("year_code"));
    }

    /** The latest report date in the published model (the default as-of date). */
    public LocalDate latestReportDate() {
        return snapshot().defaultAsOf();
    }

    /** Every figure for every cell of the request's breakdown, from the published model. */
    public FigureTable figures(Question request) {
        return figures(snapshot(), request);
    }

    /** Every figure for every cell of the request's breakdown, from the cube whenever it answers exactly. */
    public FigureTable figures(ModelSnapshot snapshot, Question request) {
        ResolvedQuestion resolved = request.resolve(snapshot);
        size(snapshot, resolved).checkWithin(limits.cellBudget());
        FactSource source = FactSource.fastestExactFor(resolved.period(), resolved.asOf(), request.mentioned());
        return run(snapshot.model(), resolved, source, source.answered(EnumSet.allOf(Figure.class)));
    }

    /**
     * The wanted figures for every cell of the request's breakdown, computed alone: from the as-of cube when it holds
     * them and the question's dimensions (at any date), else as {@link #figures(ModelSnapshot, Question)}. Every
     * figure not wanted is null in the rows.
     */
    public FigureTable figures(ModelSnapshot snapshot, Question request, Set<Figure> wanted) {
        ResolvedQuestion resolved = request.resolve(snapshot);
        size(snapshot, resolved).checkWithin(limits.cellBudget());
        FactSource source = FactSource.fastestExactFor(resolved.period(), resolved.asOf(), request.mentioned(), wanted);
        return run(snapshot.model(), resolved, source, source.answered(wanted));
    }

    /**
     * Every figure, read from the given source (for benchmarks and the cube's exactness tests); the month cubes only
     * answer periods of whole months as of a month's last day, the as-of cube any date but only some figures.
     */
    public FigureTable figures(Question request, FactSource source) {
        ModelSnapshot snapshot = snapshot();
        ResolvedQuestion resolved = request.resolve(snapshot);
        if (source != FactSource.HAZARD_FACTS
                && source.answersEveryFigure()
                && !FactSource.answersExactly(resolved.period(), resolved.asOf())) {
            throw new IllegalArgumentException("Cannot read the cube for " + resolved.period() + " as of "
                    + resolved.asOf() + ": it answers whole months as of a month's last day only");
        }
        if (!source.holds(request.mentioned())) {
            throw new IllegalArgumentException(
                    "Cannot read " + source.table() + " for " + request.mentioned() + ": it lacks a dimension");
        }
        return run(snapshot.model(), resolved, source, source.answered(EnumSet.allOf(Figure.class)));
    }

    /** The answer computed afresh, never from the cache of answers (for benchmarks). */
    public FigureTable figuresUncached(Question request, FactSource source) {
        ModelSnapshot snapshot = snapshot();
        return compute(
                snapshot.model(), request.resolve(snapshot), source, source.answered(EnumSet.allOf(Figure.class)));
    }

    /** A figure by two dimensions over the published model; throws {@link ModelNotBuiltException} before a build. */
    public Heatmap heatmap(HeatmapRequest request) {
        return heatmap(snapshot(), request);
    }

    /** A figure by two dimensions over the given snapshot. */
    public Heatmap heatmap(ModelSnapshot snapshot, HeatmapRequest request) {
        requireNonNull(snapshot, "snapshot");
        requireNonNull(request, "request");
        FigureTable table = figures(
                snapshot,
                new Question(
                        request.period(),
                        request.asOf(),
                        List.of(request.rows(), request.columns()),
                        request.filters()),
                Set.of(request.metric()));
        var rows = new LinkedHashMap<String, Member>();
        var columns = new LinkedHashMap<String, Member>();
        var cells = new ArrayList<Cell>(table.rows().size());
        for (FigureRow row : table.rows()) {
            String rowCode = row.keys().get(0);
            String columnCode = row.keys().get(1);
            rows.computeIfAbsent(rowCode, code -> member(snapshot, request.rows(), code));
            columns.computeIfAbsent(columnCode, code -> member(snapshot, request.columns(), code));
            cells.add(new Cell(rowCode, columnCode, row.value(request.metric())));
        }
        return new Heatmap(
                request.rows(),
                request.columns(),
                request.metric(),
                table.asOf(),
                table.period(),
                List.copyOf(rows.values()),
                List.copyOf(columns.values()),
                cells,
                table.modelVersion());
    }

    @Override
    public void close() {
        published.close();
        timeouts.shutdownNow();
        database.close();
    }

    /**
     * The cells of an answer broken down by {@code by}: the members of each dimension (only the filtered ones when
     * filtered; the period's months, quarters or years for time) times the figures. Only the model's member lists are
     * read, which are loaded once per model version.
     */
    QuestionSize size(ModelSnapshot snapshot, ResolvedQuestion question) {
        Map<Dimension, Set<String>> filters = question.filters();
        Period period = question.period();
        var factors = new ArrayList<QuestionSize.Factor>();
        for (Dimension dimension : question.by()) {
            long count = dimension.kind() == Dimension.Kind.TIME
                    ? units(timeGrain(dimension), period)
                    : filters.containsKey(dimension)
                            ? filters.get(dimension).size()
                            : snapshot.members(dimension).size();
            factors.add(new QuestionSize.Factor(count, dimension.nameZh(), dimension.code()));
        }
        factors.add(new QuestionSize.Factor(Figure.values().length, "指标", "figures"));
        return new QuestionSize(factors);
    }

    /** Refuses a question larger than the cell budget, before anything runs. */
    void checkWithinBudget(QuestionSize size) {
        size.checkWithin(limits.cellBudget());
    }

    private static TimeGrain timeGrain(Dimension dimension) {
        return switch (dimension) {
            case MONTH -> TimeGrain.MONTH;
            case QUARTER -> TimeGrain.QUARTER;
            default -> TimeGrain.YEAR;
        };
    }

    /** How many months (quarters, years) the period touches. */
    private static long units(TimeGrain grain, Period period) {
        long units = 0;
        for (LocalDate start = grain.unitStart(period.from());
                !start.isAfter(period.to());
                start = grain.unitEnd(start).plusDays(1)) {
            units++;
        }
        return units;
    }

    private FigureTable run(ServingModel model, ResolvedQuestion resolved, FactSource source, Set<Figure> computed) {
        var question = new AnswerCache.Key(
                model.answerKey(),
                resolved.by(),
                resolved.filters(),
                resolved.period(),
                resolved.asOf(),
                source,
                computed);
        return answers.answer(question, () -> compute(model, resolved, source, computed));
    }

    private FigureTable compute(
            ServingModel model, ResolvedQuestion resolved, FactSource source, Set<Figure> computed) {
        FigureQuery query = FigureQuery.of(resolved, source, computed);
        List<FigureRow> rows =
                select(model, query.sql(), query.parameters(), result -> row(result, resolved.by(), computed));
        return new FigureTable(
                resolved.by(), resolved.filters(), resolved.period(), resolved.asOf(), model.version(), source, rows);
    }

    /** Reads one row of a query's result. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet result) throws SQLException;
    }

    /** A list (not a figure) from a {@code .sql} resource over the given model version, e.g. a warning list. */
    <T> List<T> select(ServingModel model, SqlTemplate template, Map<String, Object> parameters, RowReader<T> reader) {
        SqlTemplate.PositionalSql sql = template.positional();
        List<Object> values = sql.values(parameters);
        var rows = new ArrayList<T>();
        queries.acquireUninterruptibly();
        ServingSession session = null;
        boolean healthy = false;
        var timedOut = new AtomicBoolean();
        try {
            session = database.borrow(model.schema());
            RequestTimings timings = RequestTimings.current();
            long preparing = timings == null ? 0 : System.nanoTime();
            PreparedStatement statement = session.prepare(sql.sql());
            if (timings != null) {
                timings.planned(preparing, System.nanoTime() - preparing);
            }
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                statement.setObject(i + 1, value instanceof SqlList list ? session.array(list) : value);
            }
            ScheduledFuture<?> cancel = timeouts.schedule(
                    () -> {
                        timedOut.set(true);
                        try {
                            statement.cancel();
                        } catch (SQLException ignored) {
                            // the statement finished meanwhile: nothing left to cancel
                        }
                    },
                    limits.queryTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            long executing = timings == null ? 0 : System.nanoTime();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            } finally {
                cancel.cancel(false);
                if (timings != null) {
                    timings.executed(System.nanoTime() - executing);
                }
            }
            // A cancel that arrived just after the statement finished could linger on the connection: start afresh.
            healthy = !timedOut.get();
        } catch (SQLException e) {
            if (timedOut.get()) {
                // DuckDB closed the interrupted statement, which the session caches: the session is replaced (its
                // connection would still answer, see BoundedQuestionsTest).
                throw new ServingQueryTimeoutException(sql.name(), limits.queryTimeout(), e);
            }
            throw new IllegalStateException(
                    "Cannot run " + sql.name() + " on model version "
                            + model.version().version() + ": " + e.getMessage(),
                    e);
        } finally {
            if (session != null) {
                database.giveBack(session, healthy);
            }
            queries.release();
        }
        return rows;
    }

    private static FigureRow row(ResultSet result, List<Dimension> by, Set<Figure> computed) throws SQLException {
        var keys = new ArrayList<String>(by.size());
        for (Dimension dimension : by) {
            keys.add(result.getString("k_" + dimension.code()));
        }
        var values = new ArrayList<Double>(Figure.values().length);
        for (Figure figure : Figure.values()) {
            if (!computed.contains(figure)) {
                values.add(null);
                continue;
            }
            Object value = result.getObject(figure.column());
            values.add(value == null ? null : ((Number) value).doubleValue());
        }
        return new FigureRow(keys, values);
    }

    private static Member member(ModelSnapshot snapshot, Dimension dimension, String code) {
        return snapshot.members(dimension).stream()
                .filter(member -> member.code().equals(code))
                .findFirst()
                .orElseGet(() -> new Member(code, code, code));
    }

    private ServingModel model() {
        return published.current().orElseThrow(() -> new ModelNotBuiltException(warehouse.root()));
    }

    /** A newly published version replaces {@code previous} (null for the first): its answers and tables go. */
    private void switched(ServingModel previous, ServingModel model) {
        if (previous != null) {
            answers.clear();
            database.retire(previous.schema());
        }
        warnIfReferenceDiffers(model);
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
}
