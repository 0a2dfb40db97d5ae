package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureChange;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * "What changed since we reported": one question answered as known at two times, and every figure of every breakdown
 * cell whose value differs, with its change ({@link FigureComparison}, in SQL). Each time's answer comes from its own
 * model, so its defaults (as-of date, period) are those xiaoan used then unless the question fixes them.
 */
public final class KnowledgeComparison {
    private final FigureService figures;
    private final FigureComparison comparison;

    public KnowledgeComparison(FigureService figures) {
        this.figures = requireNonNull(figures, "figures");
        this.comparison = new FigureComparison(figures);
    }

    /** One figure of one breakdown cell that differs: its value as known earlier, later, and the change. */
    public record Difference(List<String> keys, FigureChange change) {
        public Difference {
            keys = List.copyOf(keys);
            requireNonNull(change, "change");
        }
    }

    /** Both answers and their differences, later minus earlier. */
    public record Result(FigureTable later, FigureTable earlier, List<Difference> differences) {
        public Result {
            requireNonNull(later, "later");
            requireNonNull(earlier, "earlier");
            differences = List.copyOf(differences);
        }
    }

    public Result compare(Question question, Knowledge later, Knowledge earlier) {
        ModelSnapshot laterModel = figures.snapshot(later);
        ModelSnapshot earlierModel = figures.snapshot(earlier);
        // the same dates on both sides: a changed default as-of date would otherwise count as a change of every figure
        FigureTable laterTable = figures.figures(laterModel, question);
        Question fixed = question.at(laterTable.period(), laterTable.asOf());
        FigureTable laterFixed = figures.figures(laterModel, fixed);
        FigureTable earlierTable = figures.figures(earlierModel, fixed);
        var earlierRows = new LinkedHashMap<List<String>, FigureRow>();
        earlierTable.rows().forEach(row -> earlierRows.put(row.keys(), row));
        var keys = new ArrayList<List<String>>();
        laterFixed.rows().forEach(row -> keys.add(row.keys()));
        earlierTable.rows().stream()
                .map(FigureRow::keys)
                .filter(key ->
                        laterFixed.rows().stream().noneMatch(row -> row.keys().equals(key)))
                .forEach(keys::add);
        var differences = new ArrayList<Difference>();
        for (List<String> key : keys) {
            FigureRow now = laterFixed.rows().stream()
                    .filter(row -> row.keys().equals(key))
                    .findFirst()
                    .orElseGet(() -> empty(key));
            FigureRow before = earlierRows.getOrDefault(key, empty(key));
            List<Figure> changed = java.util.Arrays.stream(Figure.values())
                    .filter(figure -> !Objects.equals(now.value(figure), before.value(figure)))
                    .toList();
            if (!changed.isEmpty()) {
                comparison
                        .changes(changed, now, before)
                        .forEach(change -> differences.add(new Difference(key, change)));
            }
        }
        return new Result(laterFixed, earlierTable, differences);
    }

    private static FigureRow empty(List<String> keys) {
        return new FigureRow(keys, Collections.nCopies(Figure.values().length, null));
    }
}
