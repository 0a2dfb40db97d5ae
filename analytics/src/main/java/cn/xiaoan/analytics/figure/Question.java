package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The question every figure answers, however it was asked (URL, command line, report): the period P and as-of date D,
 * the breakdown dimensions (in column order) and the filters (a dimension's allowed codes). An absent as-of date means
 * the period's end, else the latest report date in the model; an absent period means the as-of date's year up to that
 * date ({@link #resolve}). What the answer may know (known at, reported by) is not part of the question but of the
 * model it is asked of ({@link Knowledge}, parsed by the same {@link QuestionText}): the same question asked of
 * another knowledge time's model.
 */
public record Question(
        Optional<Period> period, Optional<LocalDate> asOf, List<Dimension> by, Map<Dimension, Set<String>> filters) {
    public Question {
        requireNonNull(period, "period");
        requireNonNull(asOf, "asOf");
        by = List.copyOf(by);
        if (new LinkedHashSet<>(by).size() != by.size()) {
            throw new IllegalArgumentException("Cannot break down by " + codes(by) + ": a dimension is listed twice");
        }
        if (by.stream()
                        .filter(dimension -> dimension.kind() == Dimension.Kind.TIME)
                        .count()
                > 1) {
            throw new IllegalArgumentException(
                    "Cannot break down by " + codes(by) + ": choose one of month, quarter and year (they nest)");
        }
        var copied = new EnumMap<Dimension, Set<String>>(Dimension.class);
        filters.forEach((dimension, codes) -> {
            if (!dimension.filterable()) {
                throw new IllegalArgumentException("Cannot filter by " + dimension.code()
                        + ": choose the time span with the period (--from/--to) instead");
            }
            if (codes.isEmpty()) {
                throw new IllegalArgumentException("Cannot filter by " + dimension.code() + ": no code given");
            }
            copied.put(dimension, Collections.unmodifiableSet(new LinkedHashSet<>(codes)));
        });
        filters = Collections.unmodifiableMap(copied);
    }

    /** The defaults filled in from the model's facts and the filter codes checked against its members: once per request. */
    public ResolvedQuestion resolve(ModelFacts model) {
        var checked = new EnumMap<Dimension, Set<String>>(Dimension.class);
        filters.forEach((dimension, codes) -> checked.put(dimension, model.memberCodes(dimension, codes)));
        return new ResolvedQuestion(model.dates(period, asOf), by, checked);
    }

    /** Every figure for the whole city, no breakdown, at the defaults. */
    public static Question total() {
        return new Question(Optional.empty(), Optional.empty(), List.of(), Map.of());
    }

    /** The same question broken down by these dimensions instead. */
    public Question by(List<Dimension> dimensions) {
        return new Question(period, asOf, dimensions, filters);
    }

    /** The same question with one more filter (replacing any on that dimension). */
    public Question filtered(Dimension dimension, Set<String> codes) {
        var more = new EnumMap<Dimension, Set<String>>(Dimension.class);
        more.putAll(filters);
        more.put(dimension, codes);
        return new Question(period, asOf, by, more);
    }

    /** The same question for another period and as-of date. */
    public Question at(Period newPeriod, LocalDate newAsOf) {
        return new Question(Optional.of(newPeriod), Optional.of(newAsOf), by, filters);
    }

    private static String codes(List<Dimension> dimensions) {
        return String.join(",", dimensions.stream().map(Dimension::code).toList());
    }

    /** The breakdown in order, plus any filtered dimension not in it, for messages and provenance. */
    public List<Dimension> mentioned() {
        var dimensions = new ArrayList<>(by);
        filters.keySet().stream().filter(d -> !by.contains(d)).forEach(dimensions::add);
        return dimensions;
    }
}
