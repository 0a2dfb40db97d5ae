package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.ReturnCalendar;
import cn.xiaoan.analytics.campaign.ReturnPeriod;
import cn.xiaoan.analytics.campaign.ReturnRule;
import cn.xiaoan.analytics.figure.CodeList;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.ResolvedDates;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.analytics.serving.ServingModel;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The warning lists (预警) over the published model, one {@code sql/warnings/*.sql} query each. */
public final class WarningService {
    /** Supervision must have found at least this many hazards at a school before self-inspection is judged. */
    static final int MIN_SUPERVISION_FOUND = 3;
    /** Self-inspection is weak when it found fewer than this share of what supervision found. */
    static final double WEAK_SELF_RATIO = 0.5;

    /** A rectified hazard not signed off (销号) this many days after its rectification is listed. */
    public static final int DEFAULT_SIGN_OFF_DAYS = 30;

    private final FigureService figures;
    private final int signOffDays;
    /** The primary campaign's return whose cadence says when a school is silent; empty: a ledger row every month. */
    private final Optional<ReturnRule> silentRule;

    public WarningService(FigureService figures) {
        this(figures, DEFAULT_SIGN_OFF_DAYS);
    }

    /** Warnings that list a rectified hazard not signed off {@code signOffDays} days after (a campaign's N). */
    public WarningService(FigureService figures, int signOffDays) {
        this(figures, signOffDays, Optional.empty());
    }

    /**
     * Warnings whose silent schools are those that missed the latest due period of {@code silentRule} (a return of a
     * dataset, e.g. the primary campaign's monthly ledger), not those without a ledger row in the as-of month.
     */
    public WarningService(FigureService figures, int signOffDays, Optional<ReturnRule> silentRule) {
        this.figures = requireNonNull(figures, "figures");
        this.silentRule = requireNonNull(silentRule, "silentRule")
                .filter(rule -> rule.dataset().isPresent());
        if (signOffDays < 1) {
            throw new IllegalArgumentException("Cannot wait " + signOffDays + " days for sign-off: choose 1 or more");
        }
        this.signOffDays = signOffDays;
    }

    public WarningReport warnings(WarningRequest request) {
        return warnings(figures.snapshot(), request);
    }

    /** Every list at the request's page (by default each list's first page), each with its total. */
    public WarningReport warnings(ModelSnapshot snapshot, WarningRequest request) {
        Resolved question = resolve(snapshot, request);
        return new WarningReport(
                question.period(),
                question.asOf(),
                question.month(),
                question.districts(),
                snapshot.version(),
                overdueHazards(question),
                majorWithoutMeasures(question),
                silentSchools(question),
                weakSelfInspection(question),
                signOffDays,
                rectifiedNotClosed(question),
                majorGaps(question, "deadline"),
                majorGaps(question, "responsible_unit"));
    }

    /** One list at the request's page, e.g. its next page: one query, not every list's. */
    public WarningListReport list(ModelSnapshot snapshot, WarningRequest request, WarningKind kind) {
        Resolved question = resolve(snapshot, request);
        WarningList<?> list =
                switch (kind) {
                    case OVERDUE_HAZARDS -> overdueHazards(question);
                    case MAJOR_WITHOUT_MEASURES -> majorWithoutMeasures(question);
                    case SILENT_SCHOOLS -> silentSchools(question);
                    case WEAK_SELF_INSPECTION -> weakSelfInspection(question);
                    case RECTIFIED_NOT_CLOSED -> rectifiedNotClosed(question);
                    case MAJOR_WITHOUT_DEADLINE -> majorGaps(question, "deadline");
                    case MAJOR_WITHOUT_RESPONSIBLE_UNIT -> majorGaps(question, "responsible_unit");
                };
        return new WarningListReport(
                kind,
                question.period(),
                question.asOf(),
                question.month(),
                question.districts(),
                snapshot.version(),
                signOffDays,
                list);
    }

    /** A request resolved against one model snapshot: its dates, districts, page and the queries' parameters. */
    private record Resolved(
            ServingModel model,
            Period period,
            LocalDate asOf,
            YearMonth month,
            Set<String> districts,
            WarningPage page,
            Map<String, Object> bound) {}

    private static Resolved resolve(ModelSnapshot snapshot, WarningRequest request) {
        ResolvedDates dates = snapshot.dates(request.period(), request.asOf());
        LocalDate asOf = dates.asOf();
        Set<String> districts = snapshot.memberCodes(Dimension.DISTRICT, request.districts());
        YearMonth month = YearMonth.from(asOf);

        var parameters = new HashMap<String, Object>();
        dates.bind(parameters);
        parameters.put("month_start", Date.valueOf(month.atDay(1)));
        parameters.put("month_end", Date.valueOf(month.atEndOfMonth()));
        parameters.put("f_district", CodeList.of(districts));
        parameters.put("min_supervision", MIN_SUPERVISION_FOUND);
        parameters.put("ratio", WEAK_SELF_RATIO);
        parameters.put("offset", request.page().offset());
        parameters.put("limit", request.page().limit());
        return new Resolved(
                snapshot.model(), dates.period(), asOf, month, districts, request.page(), Map.copyOf(parameters));
    }

    private WarningList<HazardWarning> overdueHazards(Resolved question) {
        return page(question, sql("overdue_hazards"), question.bound(), WarningService::hazard);
    }

    private WarningList<HazardWarning> majorWithoutMeasures(Resolved question) {
        return page(question, sql("major_without_measures"), question.bound(), WarningService::hazard);
    }

    private WarningList<SilentSchool> silentSchools(Resolved question) {
        if (silentRule.isEmpty()) {
            return page(question, sql("silent_schools"), question.bound(), WarningService::silentSchool);
        }
        LocalDate asOf = question.asOf();
        Optional<ReturnPeriod> due = ReturnCalendar.periods(silentRule.get()).stream()
                .filter(p -> p.due().isBefore(asOf))
                .reduce((earlier, later) -> later);
        if (due.isEmpty()) {
            return WarningList.empty(question.page()); // nothing was due yet: nobody is silent
        }
        ReturnRule rule = silentRule.get();
        var cadence = new HashMap<String, Object>(question.bound());
        cadence.put("dataset", rule.dataset().orElseThrow().directory());
        cadence.put("nil_allowed", rule.nilAllowed() ? 1 : 0);
        cadence.put("opens", Date.valueOf(due.get().opens()));
        cadence.put("late_until", Date.valueOf(due.get().lateUntil()));
        cadence.put("as_of", Date.valueOf(asOf));
        return page(question, sql("silent_schools_cadence"), Map.copyOf(cadence), WarningService::silentSchool);
    }

    private WarningList<WeakSelfInspection> weakSelfInspection(Resolved question) {
        return page(question, sql("weak_self_inspection"), question.bound(), WarningService::weakSelfInspection);
    }

    private WarningList<UnclosedRectification> rectifiedNotClosed(Resolved question) {
        var parameters = new HashMap<String, Object>(question.bound());
        parameters.put("sign_off_days", signOffDays);
        return page(question, sql("rectified_not_closed"), Map.copyOf(parameters), WarningService::unclosed);
    }

    /** One of the two lists of major_gaps.sql ({@code gap}: deadline or responsible_unit). */
    private WarningList<MajorHazardGap> majorGaps(Resolved question, String gap) {
        var parameters = new HashMap<String, Object>(question.bound());
        parameters.put("gap", gap);
        return page(question, sql("major_gaps"), Map.copyOf(parameters), WarningService::gap);
    }

    /**
     * Runs a paged list query: every row carries the list's {@code total}; a page past the end (or of an empty list) is
     * one row whose columns are NULL but the total, told by its key, the column after the total.
     */
    private <T> WarningList<T> page(
            Resolved question, SqlTemplate sql, Map<String, Object> parameters, FigureService.RowReader<T> reader) {
        List<Counted<T>> rows = figures.select(question.model(), sql, parameters, row -> {
            int total = Math.toIntExact(row.getLong("total"));
            row.getObject(2);
            return new Counted<>(total, row.wasNull() ? null : reader.read(row));
        });
        int total = rows.isEmpty() ? 0 : rows.get(0).total();
        List<T> page = rows.stream().map(Counted::row).filter(Objects::nonNull).toList();
        return new WarningList<>(
                total, question.page().offset(), question.page().limit(), page);
    }

    /** A row of a paged list query: the list's total and the row, null for the empty page past the end. */
    private record Counted<T>(int total, T row) {}

    private static SqlTemplate sql(String name) {
        return SqlTemplate.load("warnings/" + name + ".sql");
    }

    private static HazardWarning hazard(ResultSet row) throws SQLException {
        return new HazardWarning(
                row.getString("hazard_id"),
                row.getString("school_code"),
                row.getString("school_name"),
                row.getString("district_code"),
                row.getString("category"),
                row.getString("severity"),
                row.getString("inspection_type"),
                date(row, "found_date"),
                date(row, "deadline"),
                row.getString("responsible_person"),
                row.getString("temporary_measures"),
                row.getString("description"),
                row.getInt("days_overdue"));
    }

    private static SilentSchool silentSchool(ResultSet row) throws SQLException {
        return new SilentSchool(
                row.getString("school_code"),
                row.getString("school_name"),
                row.getString("district_code"),
                row.getString("school_type"),
                date(row, "last_report_date"));
    }

    private static WeakSelfInspection weakSelfInspection(ResultSet row) throws SQLException {
        return new WeakSelfInspection(
                row.getString("school_code"),
                row.getString("school_name"),
                row.getString("district_code"),
                row.getString("school_type"),
                row.getLong("self_found"),
                row.getLong("supervision_found"));
    }

    private static UnclosedRectification unclosed(ResultSet row) throws SQLException {
        return new UnclosedRectification(
                row.getString("hazard_id"),
                row.getString("school_code"),
                row.getString("school_name"),
                row.getString("district_code"),
                row.getString("category"),
                row.getString("severity"),
                date(row, "found_date"),
                date(row, "rectified_date"),
                row.getString("responsible_person"),
                row.getString("description"),
                row.getInt("days_since_rectified"));
    }

    private static MajorHazardGap gap(ResultSet row) throws SQLException {
        boolean listed = row.getBoolean("supervised");
        Boolean supervised = row.wasNull() ? null : listed;
        return new MajorHazardGap(
                row.getString("hazard_id"),
                row.getString("school_code"),
                row.getString("school_name"),
                row.getString("district_code"),
                row.getString("category"),
                row.getString("severity"),
                row.getString("inspection_type"),
                date(row, "found_date"),
                date(row, "deadline"),
                row.getString("responsible_person"),
                row.getString("responsible_unit"),
                supervised,
                row.getString("description"),
                row.getInt("days_open"));
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
