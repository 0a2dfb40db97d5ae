package cn.xiaoan.ingest;

import java.time.LocalDate;

/**
 * Parses the date forms clerks type or Excel stores, by hand because it runs for every date cell: ISO
 * {@code 2024-03-05}, {@code 2024/3/5}, {@code 2024.3.5}, {@code 2024年3月5日}, {@code 20240305}, an optional time
 * after a space or {@code T}, and Excel serial numbers (1900 date system).
 */
final class Dates {
    /** Not in any accepted form. */
    static final int NOT_A_DATE = Integer.MIN_VALUE;
    /** In an accepted form but no such day, e.g. 2024-02-30. */
    static final int NO_SUCH_DAY = Integer.MIN_VALUE + 1;
    /** Excel serial 60, the 1900-02-29 that Excel invents for Lotus compatibility. */
    static final int EXCEL_PHANTOM_LEAP_DAY = Integer.MIN_VALUE + 2;

    static final String EXPECTED_ZH = "应为 2024-03-05、2024/3/5 或 2024年3月5日";
    static final String EXPECTED_EN = "expected 2024-03-05, 2024/3/5 or 2024年3月5日";

    private static final int EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31
    private static final int EPOCH_DAY_1899_12_30 = -25_569;

    private Dates() {}

    static boolean isError(int epochDay) {
        return epochDay <= EXCEL_PHANTOM_LEAP_DAY;
    }

    /** The epoch day of {@code text} (already trimmed, not empty), or one of the error codes above. */
    static int parse(String text) {
        int length = text.length();
        int i = 0;
        int year = 0;
        while (i < length && isDigit(text.charAt(i))) {
            if (i >= 8) {
                return NOT_A_DATE;
            }
            year = year * 10 + (text.charAt(i) - '0');
            i++;
        }
        if (i == 0) {
            return NOT_A_DATE;
        }
        if (i == length) {
            return i == 8 ? compact(year) : serial(year);
        }
        if (text.charAt(i) == '.' && i != 4 && allDigits(text, i + 1)) {
            return serial(year);
        }
        if (i != 4) {
            return NOT_A_DATE;
        }
        char first = text.charAt(i);
        char second;
        switch (first) {
            case '-', '/', '.' -> second = first;
            case '年' -> second = '月';
            default -> {
                return NOT_A_DATE;
            }
        }
        i++;
        int monthStart = i;
        int month = 0;
        while (i < length && isDigit(text.charAt(i)) && i - monthStart < 2) {
            month = month * 10 + (text.charAt(i) - '0');
            i++;
        }
        if (i == monthStart || i == length || text.charAt(i) != second) {
            return NOT_A_DATE;
        }
        i++;
        int dayStart = i;
        int day = 0;
        while (i < length && isDigit(text.charAt(i)) && i - dayStart < 2) {
            day = day * 10 + (text.charAt(i) - '0');
            i++;
        }
        if (i == dayStart) {
            return NOT_A_DATE;
        }
        if (first == '年' && i < length && (text.charAt(i) == '日' || text.charAt(i) == '号')) {
            i++;
        }
        if (i < length) {
            char next = text.charAt(i);
            if (next != ' ' && next != 'T' && next != '\u3000') {
                return NOT_A_DATE;
            }
        }
        return ofCivil(year, month, day);
    }

    /**
     * The epoch day of an ISO {@code 2024-03-05} in ASCII {@code bytes[from, to)} (trimmed), or {@link #NOT_A_DATE}
     * for any other text, which {@link #parse(String)} then reads: the common form without building a string.
     */
    static int parseIso(byte[] bytes, int from, int to) {
        if (to - from != 10 || bytes[from + 4] != '-' || bytes[from + 7] != '-') {
            return NOT_A_DATE;
        }
        int year = digits(bytes, from, 4);
        int month = digits(bytes, from + 5, 2);
        int day = digits(bytes, from + 8, 2);
        return (year | month | day) < 0 ? NOT_A_DATE : ofCivil(year, month, day);
    }

    /** The number in {@code count} ASCII digits from {@code at}, or -1 when one is not a digit. */
    private static int digits(byte[] bytes, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** 20240305. */
    private static int compact(int yyyymmdd) {
        int year = yyyymmdd / 10_000;
        if (year < 1900 || year > 2999) {
            return NOT_A_DATE;
        }
        return ofCivil(year, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }

    /** An Excel serial; a fraction is the time of day and is dropped. */
    private static int serial(int whole) {
        if (whole < 1 || whole > EXCEL_MAX_SERIAL) {
            return NOT_A_DATE;
        }
        if (whole == 60) {
            return EXCEL_PHANTOM_LEAP_DAY;
        }
        // Excel counts a 1900-02-29 that never existed, so serials before it are one day later than a plain count.
        return whole < 60 ? EPOCH_DAY_1899_12_30 + whole + 1 : EPOCH_DAY_1899_12_30 + whole;
    }

    private static boolean allDigits(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static int ofCivil(int year, int month, int day) {
        if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) {
            return month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 ? NOT_A_DATE : NO_SUCH_DAY;
        }
        if (day > lengthOfMonth(year, month)) {
            return NO_SUCH_DAY;
        }
        // Days from civil (H. Hinnant), proleptic Gregorian like java.time.
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    static LocalDate toLocalDate(int epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    /** The ISO text of an epoch day, for hashing and messages. */
    static String iso(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    /** Chinese reason for a failed parse of {@code column} with {@code value}. */
    static String reasonZh(String column, String value, int error) {
        if (error == EXCEL_PHANTOM_LEAP_DAY) {
            return column + " \"" + value + "\" 是 Excel 序列号 60，对应并不存在的 1900-02-29（Excel 闰年错误）";
        }
        if (error == NO_SUCH_DAY) {
            return column + " \"" + value + "\" 不是有效日期：该月没有这一天";
        }
        return column + " \"" + value + "\" 不是有效日期（" + EXPECTED_ZH + "）";
    }

    static String reasonEn(String key, String value, int error) {
        if (error == EXCEL_PHANTOM_LEAP_DAY) {
            return key + " \"" + value + "\" is Excel serial 60, the non-existent 1900-02-29 (Excel's leap-year bug)";
        }
        if (error == NO_SUCH_DAY) {
            return key + " \"" + value + "\" is not a date: that month has no such day";
        }
        return key + " \"" + value + "\" is not a date (" + EXPECTED_EN + ")";
    }
}
