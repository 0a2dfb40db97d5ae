package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.QuestionSize;
import cn.xiaoan.analytics.figure.ResolvedQuestion;
import cn.xiaoan.analytics.figure.TimeGrain;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Trends (a figure over time) from FigureService answers, one per point, so no figure is defined twice: for each unit
 * t of the range up to the as-of date, P = t within the range and up to the as-of date, and D = the end of P. Flows are
 * then "found in each month" and stocks "open at each month's end", which is what a trend line means (unlike a
 * {@code by=month} breakdown, which groups by found month). Whole months come from the cubes and every answer is
 * cached.
 */
public final class TrendService {
    /** More points than this is a request for a table, not a line. */
    public static final int MAX_POINTS = 240;

    private final FigureService figures;
    /** Runs after each point: a test publishes a new model version there to show the trend keeps to its snapshot. */
    private final Runnable afterEachPoint;

    public TrendService(FigureService figures) {
        this(figures, () -> {});
    }

    TrendService(FigureService figures, Runnable afterEachPoint) {
        this.figures = requireNonNull(figures, "figures");
        this.afterEachPoint = requireNonNull(afterEachPoint, "afterEachPoint");
    }

    /** The trend over the model published now. */
    public Trend trend(TrendRequest request) {
        return trend(figures.snapshot(), request);
    }

    /** The trend over the given snapshot: its default as-of date and every point's figures. */
    public Trend trend(ModelSnapshot snapshot, TrendRequest request) {
        return trend(snapshot, request, EnumSet.allOf(Figure.class));
    }

    /**
     * The trend of the wanted figures (others may be null in its points): a trend of stocks and found hazards reads the
     * as-of cube, a few rows a point.
     */
    public Trend trend(ModelSnapshot snapshot, TrendRequest request, Set<Figure> wanted) {
        requireNonNull(snapshot, "snapshot");
        requireNonNull(request, "request");
        ResolvedQuestion whole = request.whole().resolve(snapshot);
        LocalDate asOf = whole.asOf();
        Period range = whole.period();
        TimeGrain grain = request.grain();

        // The whole series is sized before its first point runs: points × members × figures.
        long pointCount = 0;
        for (LocalDate start = grain.unitStart(range.from());
                !start.isAfter(range.to()) && !start.isAfter(asOf);
                start = grain.unitEnd(start).plusDays(1)) {
            pointCount++;
        }
        if (pointCount > MAX_POINTS) {
            throw new IllegalArgumentException("Cannot draw a trend of more than " + MAX_POINTS + " " + grain.code()
                    + "s: shorten the range or choose a coarser step");
        }
        figures.checkWithinBudget(
                figures.size(snapshot, whole).times(new QuestionSize.Factor(pointCount, "时间点", grain.code() + "s")));

        var points = new ArrayList<TrendPoint>();
        Map<Dimension, Set<String>> filters = Map.of();
        for (LocalDate start = grain.unitStart(range.from());
                !start.isAfter(range.to()) && !start.isAfter(asOf);
                start = grain.unitEnd(start).plusDays(1)) {
            LocalDate from = start.isBefore(range.from()) ? range.from() : start;
            LocalDate end = grain.unitEnd(start);
            LocalDate to = earliest(end, range.to(), asOf);
            FigureTable table = figures.figures(snapshot, request.point(new Period(from, to), to), wanted);
            filters = table.filters();
            points.add(new TrendPoint(grain.unitCode(start), table.period(), to, table.rows()));
            afterEachPoint.run();
        }
        return new Trend(grain, range, asOf, request.by(), filters, points, snapshot.version());
    }

    private static LocalDate earliest(LocalDate a, LocalDate b, LocalDate c) {
        LocalDate ab = a.isBefore(b) ? a : b;
        return ab.isBefore(c) ? ab : c;
    }
}
