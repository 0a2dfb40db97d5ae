package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.figure.TimeGrain;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A series of every figure: one point per month, quarter or year of the range (the range defaults to the as-of date's
 * year to date), optionally one line per member of some non-time dimensions, filtered like a figure question.
 */
public record TrendRequest(
        TimeGrain grain,
        Optional<Period> range,
        Optional<LocalDate> asOf,
        List<Dimension> by,
        Map<Dimension, Set<String>> filters) {
    public TrendRequest {
        requireNonNull(grain, "grain");
        requireNonNull(range, "range");
        requireNonNull(asOf, "asOf");
        by = List.copyOf(by);
        if (by.stream().anyMatch(dimension -> dimension.kind() == Dimension.Kind.TIME)) {
            throw new IllegalArgumentException(
                    "Cannot break a trend down by time: its points are already the " + grain.code() + "s");
        }
        // The figure question checks the rest (repeated dimensions, time filters) with its own messages.
        new Question(range, asOf, by, filters);
        filters = Map.copyOf(filters);
    }

    /** The question of the whole range, whose resolution gives the trend's range and as-of date. */
    Question whole() {
        return new Question(range, asOf, by, filters);
    }

    /** The figure question for one point of the series. */
    Question point(Period period, LocalDate pointAsOf) {
        return new Question(Optional.of(period), Optional.of(pointAsOf), by, filters);
    }
}
