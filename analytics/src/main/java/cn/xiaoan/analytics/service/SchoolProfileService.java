package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.CodeList;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.SortDirection;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.analytics.serving.ServingModel;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** School pages: the register row, counts and lists from {@code sql/drill/school*.sql} and the hazard lists. */
public final class SchoolProfileService {
    static final int HISTORY_MONTHS = 24;
    static final int LATEST_DRILLS = 20;

    private static final SqlTemplate SCHOOL = SqlTemplate.load("drill/school.sql");
    private static final SqlTemplate HAZARDS = SqlTemplate.load("drill/school_hazards.sql");
    private static final SqlTemplate DRILLS = SqlTemplate.load("drill/school_drills.sql");
    private static final SqlTemplate SURVEY = SqlTemplate.load("drill/school_survey.sql");
    private static final SqlTemplate RANKING = SqlTemplate.load("drill/school_ranking.sql");
    private static final SqlTemplate RANKING_FROM_CUBE = SqlTemplate.load("drill/school_ranking_asof.sql");
    /** A ranking longer than this is a list: use the hazard list instead. */
    public static final int MAX_RANKED = 500;

    private final FigureService figures;
    private final HazardListService hazards;

    public SchoolProfileService(FigureService figures, HazardListService hazards) {
        this.figures = requireNonNull(figures, "figures");
        this.hazards = requireNonNull(hazards, "hazards");
    }

    /** The school's page as of the date (default: the latest report date); unknown or out of scope → exception. */
    public SchoolProfile profile(String schoolCode, Optional<LocalDate> asOfAsked, DistrictScope scope) {
        return profile(figures.snapshot(), schoolCode, asOfAsked, scope);
    }

    /** The school's page from the given snapshot: its counts, lists and history all from one model version. */
    public SchoolProfile profile(
            ModelSnapshot snapshot, String schoolCode, Optional<LocalDate> asOfAsked, DistrictScope scope) {
        requireNonNull(snapshot, "snapshot");
        requireNonNull(schoolCode, "schoolCode");
        requireNonNull(scope, "scope");
        ServingModel model = snapshot.model();
        LocalDate asOf = snapshot.dates(Optional.empty(), asOfAsked).asOf();
        Period year = Period.yearTo(asOf);
        String code = schoolCode.strip();

        var parameters = new HashMap<String, Object>();
        parameters.put("school_code", code);
        parameters.put("scope_district", scope.parameter());
        parameters.put("as_of", Date.valueOf(asOf));
        parameters.put("period_start", Date.valueOf(asOf.withDayOfMonth(1).minusMonths(HISTORY_MONTHS - 1)));
        parameters.put("period_end", Date.valueOf(asOf));
        parameters.put("year_start", Date.valueOf(year.from()));
        parameters.put("year_end", Date.valueOf(year.to()));
        parameters.put("limit", LATEST_DRILLS);
        Map<String, Object> bound = Map.copyOf(parameters);

        SchoolProfile.School school = figures.select(model, SCHOOL, bound, SchoolProfileService::school).stream()
                .findFirst()
                .orElseThrow(() -> new UnknownSchoolException(code));

        SchoolHazards counted = schoolHazards(model, bound, YearMonth.from(asOf));
        HazardPage openItems = hazards.list(
                snapshot,
                HazardQuery.in(HazardState.OPEN)
                        .ofSchools(Set.of(school.code()))
                        .at(year, asOf)
                        .sorted(HazardSort.DEADLINE, SortDirection.ASC)
                        .page(1, HazardQuery.MAX_SIZE),
                scope);
        List<SchoolProfile.Drill> drills = figures.select(
                model,
                DRILLS,
                bound,
                row -> new SchoolProfile.Drill(HazardListService.date(row, "drill_date"), row.getString("drill_type")));
        Optional<SchoolProfile.Survey> survey =
                figures.select(model, SURVEY, bound, SchoolProfileService::survey).stream()
                        .findFirst();
        return new SchoolProfile(
                school, asOf, year, counted.counts(), counted.history(), openItems, drills, survey, snapshot.version());
    }

    /**
     * The schools whose open hazards weigh most at the as-of date (default: the latest report date), filtered by the
     * figure dimensions other than time, within the scope.
     */
    public List<SchoolRisk> riskiest(
            Optional<LocalDate> asOfAsked, Map<Dimension, Set<String>> filters, int limit, DistrictScope scope) {
        return riskiest(figures.snapshot(), asOfAsked, filters, limit, scope);
    }

    /**
     * The riskiest schools from the given snapshot: from each school's precomputed state at D (model/school_asof_cube.sql)
     * unless a category or inspection type filters, which only the hazards themselves tell.
     */
    public List<SchoolRisk> riskiest(
            ModelSnapshot snapshot,
            Optional<LocalDate> asOfAsked,
            Map<Dimension, Set<String>> filters,
            int limit,
            DistrictScope scope) {
        boolean fromCube = !filters.containsKey(Dimension.CATEGORY) && !filters.containsKey(Dimension.INSPECTION_TYPE);
        return riskiest(snapshot, asOfAsked, filters, limit, scope, fromCube);
    }

    /** The riskiest schools read from the per-school cube or from every hazard (for the parity test). */
    List<SchoolRisk> riskiest(
            ModelSnapshot snapshot,
            Optional<LocalDate> asOfAsked,
            Map<Dimension, Set<String>> filters,
            int limit,
            DistrictScope scope,
            boolean fromCube) {
        if (limit < 1 || limit > MAX_RANKED) {
            throw new IllegalArgumentException("Cannot rank " + limit + " schools: choose 1 to " + MAX_RANKED);
        }
        ServingModel model = snapshot.model();
        LocalDate asOf = snapshot.dates(Optional.empty(), asOfAsked).asOf();
        var parameters = new HashMap<String, Object>();
        parameters.put("as_of", Date.valueOf(asOf));
        parameters.put("scope_district", scope.parameter());
        parameters.put("limit", limit);
        for (Dimension dimension : Dimension.values()) {
            if (dimension.kind() == Dimension.Kind.TIME) {
                if (filters.containsKey(dimension)) {
                    throw new IllegalArgumentException("Cannot rank schools by " + dimension.code()
                            + ": the ranking is a state at the as-of date");
                }
                continue;
            }
            Set<String> codes =
                    filters.containsKey(dimension) ? snapshot.memberCodes(dimension, filters.get(dimension)) : Set.of();
            parameters.put("f_" + dimension.code(), CodeList.of(codes));
        }
        return figures.select(
                model,
                fromCube ? RANKING_FROM_CUBE : RANKING,
                parameters,
                row -> new SchoolRisk(
                        row.getString("school_code"),
                        row.getString("school_name"),
                        row.getString("district_code"),
                        row.getString("district_name_zh"),
                        row.getString("school_type"),
                        row.getLong("open_hazards"),
                        row.getLong("overdue"),
                        row.getLong("major_open"),
                        row.getLong("risk_points")));
    }

    /** The school's counts and its last months' history, read together from its hazards. */
    private record SchoolHazards(SchoolProfile.Counts counts, List<SchoolProfile.Month> history) {}

    /**
     * One statement over the school's hazards: the counts its lists have (found this year, open, overdue and MAJOR
     * open at D) and every one of the last months, those without hazards as zeros.
     */
    private SchoolHazards schoolHazards(ServingModel model, Map<String, Object> bound, YearMonth last) {
        var counts = new ArrayList<SchoolProfile.Counts>(1);
        var found = new HashMap<YearMonth, SchoolProfile.Month>();
        figures.select(model, HAZARDS, bound, row -> {
            if (row.getString("part").equals("counts")) {
                return counts.add(new SchoolProfile.Counts(
                        row.getLong("found"), row.getLong("open"), row.getLong("overdue"), row.getLong("major_open")));
            }
            YearMonth month = YearMonth.of(row.getInt("found_year"), row.getInt("found_month"));
            return found.put(
                    month,
                    new SchoolProfile.Month(
                            month.toString(),
                            row.getLong("found"),
                            row.getLong("major_found"),
                            row.getLong("still_open")));
        });
        var months = new ArrayList<SchoolProfile.Month>(HISTORY_MONTHS);
        for (YearMonth month = last.minusMonths(HISTORY_MONTHS - 1);
                !month.isAfter(last);
                month = month.plusMonths(1)) {
            months.add(found.getOrDefault(month, new SchoolProfile.Month(month.toString(), 0, 0, 0)));
        }
        return new SchoolHazards(counts.get(0), months);
    }

    private static SchoolProfile.School school(ResultSet row) throws SQLException {
        Object students = row.getObject("students");
        return new SchoolProfile.School(
                row.getString("school_code"),
                row.getString("name"),
                row.getString("district_code"),
                row.getString("district_name_zh"),
                row.getString("district_name_en"),
                row.getString("school_type"),
                row.getString("boarding"),
                students == null ? null : ((Number) students).intValue(),
                HazardListService.date(row, "report_date"));
    }

    private static SchoolProfile.Survey survey(ResultSet row) throws SQLException {
        return new SchoolProfile.Survey(
                HazardListService.date(row, "survey_date"),
                flag(row, "closed_management"),
                flag(row, "full_time_guards"),
                flag(row, "one_key_alarm"),
                flag(row, "video_police_link"),
                flag(row, "school_guard_post"),
                flag(row, "anti_ram_barriers"));
    }

    private static Boolean flag(ResultSet row, String column) throws SQLException {
        Object value = row.getObject(column);
        return value == null ? null : (Boolean) value;
    }
}
