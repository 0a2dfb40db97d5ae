package cn.xiaoan.api.server;

import cn.xiaoan.analytics.figure.Figure;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The figures the overview (dashboards/js/overview.js) asks its routes for, so that the server computes those alone:
 * the comparison cards (KPIS there) and the rate charts by district and school type (RATE_FIGURES there).
 * {@link OverviewWarmup} computes the same questions ahead and {@code bench ui} asks them as the page does.
 */
public final class OverviewFigures {
    public static final Set<Figure> CARDS = Collections.unmodifiableSet(EnumSet.of(
            Figure.FOUND,
            Figure.RECTIFICATION_RATE,
            Figure.ON_TIME_RATE,
            Figure.OPEN,
            Figure.OVERDUE,
            Figure.MAJOR_OPEN,
            Figure.LEGACY_MAJOR_OPEN,
            Figure.CLOSURE_RATE,
            Figure.RECTIFIED_NOT_CLOSED));
    public static final Set<Figure> RATE_CHARTS =
            Collections.unmodifiableSet(EnumSet.of(Figure.RECTIFICATION_RATE, Figure.FOUND));

    private OverviewFigures() {}

    /** The {@code figures=} value asking for these figures, e.g. {@code found,rectification_rate}. */
    public static String parameter(Set<Figure> figures) {
        return figures.stream().map(Figure::code).collect(Collectors.joining(","));
    }
}
