package cn.xiaoan.analytics.serving;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.FactSource;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Period;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The latest answers to figure questions on one model version. A published version never changes, so the same
 * question always has the same answer: dashboards asking the same heatmap again get it without a query. Bounded twice,
 * least recently used answers going first: by count, and by the estimated size of the answers as JSON (a few large
 * breakdowns must not hold the heap); an answer larger than the whole byte budget is not kept. Dropped with the
 * version.
 */
public final class AnswerCache {
    private static final int ANSWERS = 512;
    /** Braces, the period, as-of date, provenance: what every answer carries besides its rows. */
    private static final long ANSWER_OVERHEAD = 512;

    /** A question as resolved against the model: what decides its answer. */
    public record Key(
            String model,
            List<Dimension> by,
            Map<Dimension, Set<String>> filters,
            Period period,
            LocalDate asOf,
            FactSource source,
            Set<Figure> figures) {}

    private record Kept(FigureTable answer, long bytes) {}

    private final long maxBytes;
    private final LinkedHashMap<Key, Kept> answers = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    public AnswerCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("Cannot keep " + maxBytes + " bytes of answers");
        }
        this.maxBytes = maxBytes;
    }

    /** The cached answer, or the computed one (computed outside the lock: a slow query blocks no one else). */
    public FigureTable answer(Key question, Supplier<FigureTable> compute) {
        synchronized (answers) {
            Kept known = answers.get(question);
            if (known != null) {
                return known.answer();
            }
        }
        FigureTable computed = compute.get();
        long size = estimatedBytes(computed);
        if (size > maxBytes) {
            return computed;
        }
        synchronized (answers) {
            Kept replaced = answers.put(question, new Kept(computed, size));
            bytes += size - (replaced == null ? 0 : replaced.bytes());
            Iterator<Kept> eldest = answers.values().iterator();
            while ((bytes > maxBytes || answers.size() > ANSWERS) && eldest.hasNext()) {
                bytes -= eldest.next().bytes();
                eldest.remove();
            }
        }
        return computed;
    }

    /** The estimated bytes of the answers kept now. */
    long bytes() {
        synchronized (answers) {
            return bytes;
        }
    }

    int size() {
        synchronized (answers) {
            return answers.size();
        }
    }

    public void clear() {
        synchronized (answers) {
            answers.clear();
            bytes = 0;
        }
    }

    /**
     * About the size of the answer as the API writes it: per row, each key as {@code "dimension":"code",} and each
     * figure as {@code "figure_code":value,} (a value taken as up to 12 characters).
     */
    static long estimatedBytes(FigureTable answer) {
        long keyNames = 0;
        for (Dimension dimension : answer.by()) {
            keyNames += dimension.code().length() + 6;
        }
        long figureNames = 0;
        for (Figure figure : Figure.values()) {
            figureNames += figure.code().length() + 4 + 12;
        }
        long total = ANSWER_OVERHEAD;
        for (FigureRow row : answer.rows()) {
            total += 2 + keyNames + figureNames;
            for (String key : row.keys()) {
                total += key == null ? 4 : key.length();
            }
        }
        return total;
    }
}
