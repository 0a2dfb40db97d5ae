package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Question} resolved against one {@link ModelFacts}: its defaults filled in and its filter codes checked
 * and spelled as the model spells them. What every service computes from, and binds with {@link #bind}.
 */
public record ResolvedQuestion(ResolvedDates dates, List<Dimension> by, Map<Dimension, Set<String>> filters) {
    public ResolvedQuestion {
        requireNonNull(dates, "dates");
        by = List.copyOf(by);
        var ordered = new EnumMap<Dimension, Set<String>>(Dimension.class);
        ordered.putAll(filters);
        // dimension order, as outputs and provenance list the filters
        filters = Collections.unmodifiableMap(ordered);
    }

    public Period period() {
        return dates.period();
    }

    public LocalDate asOf() {
        return dates.asOf();
    }

    /** Binds the period, the as-of date and one {@code :f_<dimension>} code list per filterable dimension. */
    void bind(Map<String, Object> parameters) {
        dates.bind(parameters);
        for (Dimension dimension : Dimension.values()) {
            if (dimension.filterable()) {
                parameters.put("f_" + dimension.code(), CodeList.of(filters.getOrDefault(dimension, Set.of())));
            }
        }
    }
}
