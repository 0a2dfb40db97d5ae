package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

/**
 * A figure in two periods and the change between them (computed by {@code sql/report/changes.sql}), null where either
 * value is undefined or there is no previous period.
 */
public record FigureChange(Figure figure, Double current, Double previous, Double change) {
    public FigureChange {
        requireNonNull(figure, "figure");
    }
}
