package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One period a return is owed for: a return dated from {@code opens} to {@code due} is on time, one dated after
 * {@code due} up to {@code lateUntil} is late, and none by then is missing. A rule's periods follow each other without
 * overlapping (each opens the day after the previous one's late days end), so every return counts for one period.
 */
public record ReturnPeriod(int number, String label, LocalDate opens, LocalDate due, LocalDate lateUntil) {
    public ReturnPeriod {
        requireNonNull(label, "label");
        requireNonNull(opens, "opens");
        requireNonNull(due, "due");
        requireNonNull(lateUntil, "lateUntil");
        if (due.isBefore(opens) || lateUntil.isBefore(due)) {
            throw new IllegalArgumentException("A return period must open (" + opens + ") by its due day (" + due
                    + ") and end after it (" + lateUntil + ")");
        }
    }
}
