package cn.xiaoan.analytics.figure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/** The step of a trend: month, quarter or year, with the codes the time dimensions use ({@code 2026-03}, …). */
public enum TimeGrain {
    MONTH("month"),
    QUARTER("quarter"),
    YEAR("year");

    private final String code;

    TimeGrain(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The first day of the unit holding the date. */
    public LocalDate unitStart(LocalDate date) {
        return switch (this) {
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /** The last day of the unit starting on the given first day. */
    public LocalDate unitEnd(LocalDate start) {
        return switch (this) {
            case MONTH -> YearMonth.from(start).atEndOfMonth();
            case QUARTER -> YearMonth.from(start).plusMonths(2).atEndOfMonth();
            case YEAR -> start.withDayOfYear(start.lengthOfYear());
        };
    }

    /** The unit's code as the time dimensions spell it: {@code 2026-03}, {@code 2026-Q1}, {@code 2026}. */
    public String unitCode(LocalDate start) {
        return switch (this) {
            case MONTH -> YearMonth.from(start).toString();
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(start.getYear());
        };
    }

    public static TimeGrain fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (TimeGrain grain : values()) {
            if (grain.code.equals(wanted)) {
                return grain;
            }
        }
        throw new IllegalArgumentException("Cannot step a trend by \"" + code + "\": expected month, quarter or year");
    }
}
