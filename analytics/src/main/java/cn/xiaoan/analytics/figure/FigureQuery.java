package cn.xiaoan.analytics.figure;

import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    private static final SqlTemplate FIGURES = SqlTemplate.load("figures/figures.sql");

    public static FigureQuery of(ResolvedQuestion question, FactSource source) {
        List<Dimension> by = question.by();
        var identifiers = new HashMap<String, String>();
        for (Dimension dimension : Dimension.values()) {
            boolean grouped = by.contains(dimension);
            String code = dimension.code();
            identifiers.put(code + "_members", grouped ? code + "_members" : "no_member");
            identifiers.put(code + "_key", grouped ? "f." + dimension.factColumn() : NO_VALUE);
        }
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
        // the as-of cube's questions ask no school-based figure: their school parts read no school
        identifiers.put("school_register", asOfCube ? "no_register" : "register");
        boolean hazardSubset =
                question.filters().keySet().stream().anyMatch(dimension -> dimension.kind() == Dimension.Kind.HAZARD);
        identifiers.put("school_figures", hazardSubset ? "false" : "true");

        var parameters = new HashMap<String, Object>();
        question.bind(parameters);
        // stock_flow's opening stock is the stock open at the end of the day before P
        parameters.put(
                "day_before_period", Date.valueOf(question.period().from().minusDays(1)));
        return new FigureQuery(
                FIGURES.withoutSection(asOfCube ? "hazard_groups" : "asof_groups")
                        .withIdentifiers(identifiers),
                Map.copyOf(parameters));
    }

    private static String schoolColumn(Dimension dimension) {
        return dimension == Dimension.DISTRICT ? "district_code" : dimension.factColumn();
    }
}
