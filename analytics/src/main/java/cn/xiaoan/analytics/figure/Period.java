package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** A closed date range [from, to] over which flows (found, rectified, ...) are counted. */
public record Period(LocalDate from, LocalDate to) {
    public Period {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Cannot create period: it ends (" + to + ") before it starts (" + from
                    + "); give from on or before to");
        }
    }

    /** The calendar year of a date up to that date (year to date). */
    /** Whether {@code day} is in the period, ends included; no day (null) is in none. */
    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    public static Period yearTo(LocalDate date) {
        return new Period(date.withDayOfYear(1), date);
    }
}
