package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.Period;
import java.time.LocalDate;

/**
 * A number behind a goal: one figure over a period as of a date, for MAJOR hazards only when {@code majorOnly};
 * {@code value} is null where the figure is undefined.
 */
public record GoalMeasure(
        String code,
        String nameZh,
        String nameEn,
        Figure figure,
        boolean majorOnly,
        Period period,
        LocalDate asOf,
        Double value) {
    public GoalMeasure {
        requireNonNull(code, "code");
        requireNonNull(figure, "figure");
        requireNonNull(period, "period");
        requireNonNull(asOf, "asOf");
    }
}
