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

    public WarningReport warnings(ModelSnapshot snapshot, WarningRequest request) {
        ResolvedDates dates = snapshot.dates(request.period(), request.asOf());
        ServingModel model = snapshot.model();
        LocalDate asOf = dates.asOf();
        Period period = dates.period();
        Set<String> districts = snapshot.memberCodes(Dimension.DISTRICT, request.districts());
        YearMonth month = YearMonth.from(asOf);

        var parameters = new HashMap<String, Object>();
        dates.bind(parameters);
        parameters.put("month_start", Date.valueOf(month.atDay(1)));
        parameters.put("month_end", Date.valueOf(month.atEndOfMonth()));
        parameters.put("f_district", CodeList.of(districts));
        parameters.put("min_supervision", MIN_SUPERVISION_FOUND);
        parameters.put("ratio", WEAK_SELF_RATIO);
        parameters.put("sign_off_days", signOffDays);
        Map<String, Object> bound = Map.copyOf(parameters);
        SqlTemplate silentSql = sql("silent_schools");
        Map<String, Object> silentBound = bound;
        Optional<ReturnPeriod> due = silentRule.flatMap(rule -> ReturnCalendar.periods(rule).stream()
                .filter(p -> p.due().isBefore(asOf))
                .reduce((earlier, later) -> later));
        if (due.isPresent()) {
            ReturnRule rule = silentRule.orElseThrow();
            var cadence = new HashMap<String, Object>(bound);
            cadence.put("dataset", rule.dataset().orElseThrow().directory());
            cadence.put("nil_allowed", rule.nilAllowed() ? 1 : 0);
            cadence.put("opens", Date.valueOf(due.get().opens()));
            cadence.put("late_until", Date.valueOf(due.get().lateUntil()));
            cadence.put("as_of", Date.valueOf(asOf));
            silentSql = sql("silent_schools_cadence");
            silentBound = Map.copyOf(cadence);
        } else if (silentRule.isPresent()) {
            silentBound = null; // nothing was due yet: nobody is silent
        }

        return new WarningReport(
                period,
                asOf,
                month,
                districts,
                snapshot.version(),
                figures.select(model, sql("overdue_hazards"), bound, WarningService::hazard),
                figures.select(model, sql("major_without_measures"), bound, WarningService::hazard),
                silentBound == null
                        ? List.of()
                        : figures.select(model, silentSql, silentBound, WarningService::silentSchool),
                figures.select(model, sql("weak_self_inspection"), bound, WarningService::weakSelfInspection),
                signOffDays,
                figures.select(model, sql("rectified_not_closed"), bound, WarningService::unclosed),
                figures.select(model, sql("major_gaps"), withGap(bound, "deadline"), WarningService::gap),
                figures.select(model, sql("major_gaps"), withGap(bound, "responsible_unit"), WarningService::gap));
    }

    /** The parameters of major_gaps.sql for one of its lists. */
    private static Map<String, Object> withGap(Map<String, Object> bound, String gap) {
        var parameters = new HashMap<String, Object>(bound);
        parameters.put("gap", gap);
        return Map.copyOf(parameters);
    }

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
