package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureChange;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.serving.SqlList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Changes of figures between two answers (e.g. this year and the same span last year), computed in SQL. */
public final class FigureComparison {
    private static final SqlTemplate CHANGES = SqlTemplate.load("report/changes.sql");

    private final FigureService figures;

    public FigureComparison(FigureService figures) {
        this.figures = requireNonNull(figures, "figures");
    }

    /** The figure's change from {@code previous} to {@code current}; previous may be null (no earlier period). */
    public FigureChange change(Figure figure, FigureRow current, FigureRow previous) {
        return changes(List.of(figure), current, previous).get(0);
    }

    /**
     * Each figure's change from {@code previous} to {@code current}, in the order given, in one statement; previous
     * may be null (no earlier period: no change, and no statement).
     */
    public List<FigureChange> changes(List<Figure> compared, FigureRow current, FigureRow previous) {
        var positions = new ArrayList<Integer>(compared.size());
        var now = new ArrayList<Double>(compared.size());
        var before = new ArrayList<Double>(compared.size());
        for (int i = 0; i < compared.size(); i++) {
            positions.add(i);
            now.add(current.value(compared.get(i)));
            before.add(previous == null ? null : previous.value(compared.get(i)));
        }
        List<Double> change = previous == null
                ? Collections.nCopies(compared.size(), null)
                : figures.select(
                        figures.snapshot().model(),
                        CHANGES,
                        Map.of(
                                "positions", new SqlList("INTEGER", positions),
                                "current_values", new SqlList("DOUBLE", now),
                                "previous_values", new SqlList("DOUBLE", before)),
                        row -> {
                            double value = row.getDouble("change");
                            return row.wasNull() ? null : value;
                        });
        var changes = new ArrayList<FigureChange>(compared.size());
        for (int i = 0; i < compared.size(); i++) {
            changes.add(new FigureChange(compared.get(i), now.get(i), before.get(i), change.get(i)));
        }
        return changes;
    }
}
