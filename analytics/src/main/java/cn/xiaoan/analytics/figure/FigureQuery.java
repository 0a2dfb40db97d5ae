package cn.xiaoan.analytics.figure;

import java.sql.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine-neutral SQL of every figure for one question ({@code sql/figures/figures.sql}): identifier slots filled
 * from the {@link Dimension} registry, the period, as-of date and filters as named parameters for the engine to bind.
 */
public record FigureQuery(SqlTemplate sql, Map<String, Object> parameters) {
    private static final List<Dimension> SCHOOL_BREAKDOWNS =
            List.of(Dimension.DISTRICT, Dimension.SCHOOL_TYPE, Dimension.BOARDING);
    private static final List<Dimension> RISK_BREAKDOWNS = List.of(Dimension.DISTRICT, Dimension.SCHOOL_TYPE);
    private static final List<Dimension> TIME_BREAKDOWNS = List.of(Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR);
    private static final String NO_VALUE = "null";
    /** The figures over schools (figures.sql's school parts), not hazards. */
    private static final Set<Figure> SCHOOL_FIGURES = EnumSet.of(
            Figure.SUPERVISION_COVERAGE,
            Figure.DRILL_COMPLIANCE,
            Figure.SIX_100_CLOSED_MANAGEMENT,
            Figure.SIX_100_FULL_TIME_GUARDS,
            Figure.SIX_100_ONE_KEY_ALARM,
            Figure.SIX_100_VIDEO_POLICE_LINK,
            Figure.SIX_100_SCHOOL_GUARD_POST,
            Figure.SIX_100_ANTI_RAM_BARRIERS);

    private static final SqlTemplate FIGURES = SqlTemplate.load("figures/figures.sql");

    /** Every figure the source answers (see {@link #of(ResolvedQuestion, FactSource, Set)}). */
    public static FigureQuery of(ResolvedQuestion question, FactSource source) {
        return of(question, source, source.answered(EnumSet.allOf(Figure.class)));
    }

    /**
     * The figures {@code computed} (a subset of what the source answers) and no other: the SQL of every other figure's
     * column is left out, and with it the aggregates and per-hazard states only that column used; without a
     * school-based figure the question reads no school either.
     */
    public static FigureQuery of(ResolvedQuestion question, FactSource source, Set<Figure> computed) {
        if (!source.answered(computed).equals(computed)) {
            throw new IllegalArgumentException("Cannot compute " + computed + " from " + source.table()
                    + ": it answers " + source.answered(computed));
        }
        List<Dimension> by = question.by();
        var identifiers = new HashMap<String, String>();
        for (Dimension dimension : Dimension.values()) {
            boolean grouped = by.contains(dimension);
            String code = dimension.code();
            identifiers.put(code + "_members", grouped ? code + "_members" : "no_member");
            identifiers.put(code + "_key", grouped ? "f." + dimension.factColumn() : NO_VALUE);
            identifiers.put(code + "_group", grouped ? "k_" + code : NO_VALUE);
        }
        // group by the breakdown's keys alone; with none, by one key that is null on every row (a single group)
        identifiers.put(
                "group_keys",
                by.isEmpty()
                        ? "k_" + Dimension.DISTRICT.code()
                        : String.join(
                                ", ",
                                by.stream()
                                        .map(dimension -> "k_" + dimension.code())
                                        .toList()));
        for (Dimension dimension : SCHOOL_BREAKDOWNS) {
            identifiers.put(
                    dimension.code() + "_school_key",
                    by.contains(dimension) ? "s." + schoolColumn(dimension) : NO_VALUE);
        }
        for (Dimension dimension : RISK_BREAKDOWNS) {
            identifiers.put(
                    dimension.code() + "_risk_key", by.contains(dimension) ? "s." + schoolColumn(dimension) : NO_VALUE);
        }
        for (Dimension dimension : TIME_BREAKDOWNS) {
            identifiers.put(
                    dimension.code() + "_event_key",
                    by.contains(dimension) ? "m." + dimension.code() + "_code" : NO_VALUE);
        }
        boolean asOfCube = source == FactSource.HAZARD_ASOF_CUBE;
        identifiers.put("facts", asOfCube ? FactSource.HAZARD_CUBE_DISTRICT.table() : source.table());
        identifiers.put("asof_cube", FactSource.HAZARD_ASOF_CUBE.table());
        identifiers.put("hazard_groups", asOfCube ? "asof_groups" : "hazard_groups");
        boolean hazardSubset =
                question.filters().keySet().stream().anyMatch(dimension -> dimension.kind() == Dimension.Kind.HAZARD);
        identifiers.put("school_figures", hazardSubset ? "false" : "true");

        var parameters = new HashMap<String, Object>();
        question.bind(parameters);
        // stock_flow's opening stock is the stock open at the end of the day before P
        parameters.put(
                "day_before_period", Date.valueOf(question.period().from().minusDays(1)));
        SqlTemplate sql = FIGURES.withoutSection(asOfCube ? "hazard_groups" : "asof_groups");
        if (computed.stream().noneMatch(SCHOOL_FIGURES::contains)) {
            // every as-of cube question, and most others: no school is read
            sql = sql.withoutSection("school_parts").withoutSection("school_joins");
        }
        if (!computed.contains(Figure.RISK_INDEX)) {
            sql = sql.withoutSection("risk_schools").withoutSection("risk_join");
        }
        for (Figure figure : Figure.values()) {
            if (!computed.contains(figure)) {
                sql = sql.withoutSection("figure_" + figure.code());
            }
        }
        return new FigureQuery(sql.withIdentifiers(identifiers), Map.copyOf(parameters));
    }

    private static String schoolColumn(Dimension dimension) {
        return dimension == Dimension.DISTRICT ? "district_code" : dimension.factColumn();
    }
}
