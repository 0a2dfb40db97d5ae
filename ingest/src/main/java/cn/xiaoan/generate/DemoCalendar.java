package cn.xiaoan.generate;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo's time line as day numbers counted from 2023-01-01, with every date's text forms cached so the hot loops
 * never format a date.
 */
final class DemoCalendar {
    static final LocalDate START = LocalDate.of(2023, 1, 1);
    /** Half-yearly submissions, then the last one before the 2026-11-25 evaluation report. */
    static final List<LocalDate> REPORT_DATES = List.of(
            LocalDate.of(2023, 12, 31),
            LocalDate.of(2024, 6, 30),
            LocalDate.of(2024, 12, 31),
            LocalDate.of(2025, 6, 30),
            LocalDate.of(2025, 12, 31),
            LocalDate.of(2026, 6, 30),
            LocalDate.of(2026, 10, 31));

    static final LocalDate END = REPORT_DATES.get(REPORT_DATES.size() - 1);
    /** Found dates lie in [0, FOUND_DAYS). */
    static final int FOUND_DAYS = day(END) + 1;
    /** Dates that are ever printed (deadlines may run past the last report date). */
    static final int TABLE_DAYS = day(LocalDate.of(2027, 12, 31)) + 1;
    /** A date that never comes: a hazard never rectified has this rectified day. */
    static final int NEVER = Integer.MAX_VALUE;

    private static final String[] ISO = new String[TABLE_DAYS];
    private static final byte[][] ISO_BYTES = new byte[TABLE_DAYS][];
    private static final String[] SLASH = new String[TABLE_DAYS];
    private static final String[] CHINESE = new String[TABLE_DAYS];
    private static final int[] MONTH = new int[TABLE_DAYS];
    private static final int[] YEAR = new int[TABLE_DAYS];
    private static final boolean[] WEEKEND = new boolean[TABLE_DAYS];

    static {
        for (int d = 0; d < TABLE_DAYS; d++) {
            LocalDate date = START.plusDays(d);
            ISO[d] = date.toString();
            ISO_BYTES[d] = ISO[d].getBytes(StandardCharsets.US_ASCII);
            SLASH[d] = date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth();
            CHINESE[d] = date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
            MONTH[d] = date.getMonthValue();
            YEAR[d] = date.getYear();
            WEEKEND[d] = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        }
    }

    private DemoCalendar() {}

    static int day(LocalDate date) {
        return (int) (date.toEpochDay() - START.toEpochDay());
    }

    static LocalDate date(int day) {
        return START.plusDays(day);
    }

    static String iso(int day) {
        return ISO[day];
    }

    static byte[] isoBytes(int day) {
        return ISO_BYTES[day];
    }

    /** {@code 2024/3/5}. */
    static String slash(int day) {
        return SLASH[day];
    }

    /** {@code 2024年3月5日}. */
    static String chinese(int day) {
        return CHINESE[day];
    }

    static int month(int day) {
        return MONTH[day];
    }

    static int year(int day) {
        return YEAR[day];
    }

    static boolean weekend(int day) {
        return WEEKEND[day];
    }

    /** Days since 1899-12-30, Excel's serial date number. */
    static int excelSerial(int day) {
        return (int) (START.toEpochDay() + day - LocalDate.of(1899, 12, 30).toEpochDay());
    }

    /** Month index since January 2023 (0 = 2023-01). */
    static int monthIndex(int day) {
        return (YEAR[day] - 2023) * 12 + MONTH[day] - 1;
    }

    /** The first day of a month index. */
    static int firstDayOfMonth(int monthIndex) {
        return day(LocalDate.of(2023 + monthIndex / 12, monthIndex % 12 + 1, 1));
    }

    static int monthCount() {
        return monthIndex(FOUND_DAYS - 1) + 1;
    }
}
