package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** The days from {@code from} to {@code to}, both included. */
public record DateRange(LocalDate from, LocalDate to) {
    public DateRange {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Date range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    public boolean contains(DateRange other) {
        return contains(other.from) && contains(other.to);
    }

    public boolean overlaps(DateRange other) {
        return !other.to.isBefore(from) && !other.from.isAfter(to);
    }

    @Override
    public String toString() {
        return from + " – " + to;
    }
}
