package cn.xiaoan.analytics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The latest answers to figure questions on one model version. A published version never changes, so the same
 * question always has the same answer: dashboards asking the same heatmap again get it without a query. Bounded (least
 * recently used answers go first) and dropped with the version.
 */
final class AnswerCache {
    private static final int ANSWERS = 512;

    /** A question as resolved against the model: what decides its answer. */
    record Question(
            long modelVersion,
            List<Dimension> by,
            Map<Dimension, Set<String>> filters,
            Period period,
            LocalDate asOf,
            FactSource source) {}

    private final Map<Question, FigureTable> answers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Question, FigureTable> eldest) {
            return size() > ANSWERS;
        }
    };

    /** The cached answer, or the computed one (computed outside the lock: a slow query blocks no one else). */
    FigureTable answer(Question question, Supplier<FigureTable> compute) {
        synchronized (answers) {
            FigureTable known = answers.get(question);
            if (known != null) {
                return known;
            }
        }
        FigureTable computed = compute.get();
        synchronized (answers) {
            answers.put(question, computed);
        }
        return computed;
    }

    void clear() {
        synchronized (answers) {
            answers.clear();
        }
    }
}
