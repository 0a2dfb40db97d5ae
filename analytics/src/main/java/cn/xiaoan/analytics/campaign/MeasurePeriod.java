package cn.xiaoan.analytics.campaign;

import java.util.Optional;

/**
 * The period a goal measure covers: fixed days, or (for stock figures such as {@code major_open}, which are not
 * limited to the period) the calendar year up to the day the measure is taken.
 */
public record MeasurePeriod(Optional<DateRange> fixed) {
    public static MeasurePeriod yearToDate() {
        return new MeasurePeriod(Optional.empty());
    }

    public static MeasurePeriod of(DateRange days) {
        return new MeasurePeriod(Optional.of(days));
    }

    public boolean isYearToDate() {
        return fixed.isEmpty();
    }

    @Override
    public String toString() {
        return fixed.map(DateRange::toString).orElse("year_to_date");
    }
}
