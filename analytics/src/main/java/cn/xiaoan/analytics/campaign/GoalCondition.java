package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One test of a goal: a measure compared with a threshold or with another measure of the same goal. A measure whose
 * period has not begun, or whose figure is undefined (a rate with nothing due), does not fail the test: there is
 * nothing to judge yet. With {@code zeroMeets} a value of 0 passes whatever the comparison ("or none at all").
 */
public record GoalCondition(
        String measure,
        Comparison comparison,
        Optional<Double> threshold,
        Optional<String> against,
        ComparisonSpan span,
        boolean zeroMeets) {
    public GoalCondition {
        requireNonNull(measure, "measure");
        requireNonNull(comparison, "comparison");
        requireNonNull(threshold, "threshold");
        requireNonNull(against, "against");
        requireNonNull(span, "span");
        if (threshold.isPresent() == against.isPresent()) {
            throw new IllegalArgumentException(
                    "A goal condition needs either a threshold or a measure to compare with");
        }
    }

    /** How docs and messages write it, e.g. {@code major_found_2025 < major_found_2024 (same_span_to_date)}. */
    public String text() {
        String right = threshold
                .map(GoalCondition::number)
                .orElseGet(() -> against.orElseThrow()
                        + (span == ComparisonSpan.SAME_SPAN_TO_DATE ? " (" + span.code() + ")" : ""));
        return measure + " " + comparison.symbol() + " " + right + (zeroMeets ? " or " + measure + " = 0" : "");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
