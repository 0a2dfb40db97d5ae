package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureChange;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.SqlTemplate;
import java.util.HashMap;

/** Changes of figures between two answers (e.g. this year and the same span last year), each computed in SQL. */
public final class FigureComparison {
    private static final SqlTemplate CHANGE = SqlTemplate.load("report/change.sql");

    private final FigureService figures;

    public FigureComparison(FigureService figures) {
        this.figures = requireNonNull(figures, "figures");
    }

    /** The figure's change from {@code previous} to {@code current}; previous may be null (no earlier period). */
    public FigureChange change(Figure figure, FigureRow current, FigureRow previous) {
        Double now = current.value(figure);
        Double before = previous == null ? null : previous.value(figure);
        if (now == null || before == null) {
            return new FigureChange(figure, now, before, null);
        }
        var parameters = new HashMap<String, Object>();
        parameters.put("current", now);
        parameters.put("previous", before);
        Double change = figures.select(figures.snapshot().model(), CHANGE, parameters, row -> row.getDouble("change"))
                .get(0);
        return new FigureChange(figure, now, before, change);
    }
}
