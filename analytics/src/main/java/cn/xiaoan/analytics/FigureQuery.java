package cn.xiaoan.analytics;

import java.util.Map;

/**
 * The engine-neutral SQL of one figure by two dimensions: the shared context ({@code sql/figures/_context.sql}) then
 * the figure's own SELECT, with identifiers from the {@link Dimension} registry and {@code :as_of},
 * {@code :period_start}, {@code :period_end} left as named parameters for the engine to bind.
 */
final class FigureQuery {
    private FigureQuery() {}

    static SqlTemplate render(Figure figure, Dimension rows, Dimension columns) {
        return SqlTemplate.load("figures/_context.sql")
                .then(SqlTemplate.load(figure.sqlResource()))
                .withIdentifiers(Map.of(
                        "row_members", rows.memberTable(),
                        "column_members", columns.memberTable(),
                        "row_value", rows.hazardValue(),
                        "column_value", columns.hazardValue(),
                        "row_school_match", rows.schoolMatch("row_code"),
                        "column_school_match", columns.schoolMatch("column_code")));
    }
}
