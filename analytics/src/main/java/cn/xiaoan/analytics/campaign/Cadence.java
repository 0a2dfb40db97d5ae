package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** When a return is due. */
public sealed interface Cadence {
    /** As campaign files write it: weekly, monthly, per_term or once. */
    String code();

    /** Every week, on this weekday (每周四上报). */
    record Weekly(DayOfWeek weekday) implements Cadence {
        public Weekly {
            requireNonNull(weekday, "weekday");
        }

        @Override
        public String code() {
            return "weekly";
        }
    }

    /** Every month, for the month before, before this day of the month (每月1日前上报上月). */
    record MonthlyBefore(int day) implements Cadence {
        public MonthlyBefore {
            if (day < 1 || day > 28) {
                throw new IllegalArgumentException("A monthly return's day must be 1 to 28, not " + day);
            }
        }

        @Override
        public String code() {
            return "monthly";
        }
    }

    /** Once per school term (学期). */
    record PerTerm() implements Cadence {
        @Override
        public String code() {
            return "per_term";
        }
    }

    /** Once, by this day (总结报送). */
    record Once(LocalDate due) implements Cadence {
        public Once {
            requireNonNull(due, "due");
        }

        @Override
        public String code() {
            return "once";
        }
    }
}
