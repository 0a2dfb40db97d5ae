package cn.xiaoan.analytics.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a hazard list may be sorted by; the only source of the sort column put into {@code sql/drill/hazards.sql}. */
public enum HazardSort {
    FOUND_DATE("found_date", "found_date"),
    DEADLINE("deadline", "deadline"),
    DAYS_OVERDUE("days_overdue", "days_overdue"),
    /** In the severity dimension's order (GENERAL before MAJOR). */
    SEVERITY("severity", "severity_order"),
    /** In the district dimension's order. */
    DISTRICT("district", "district_order"),
    SCHOOL("school", "school_name");

    private final String code;
    private final String column;

    HazardSort(String code, String column) {
        this.code = code;
        this.column = column;
    }

    public String code() {
        return code;
    }

    String column() {
        return column;
    }

    public static HazardSort fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(sort -> sort.code.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot sort hazards by \"" + code
                        + "\": expected one of "
                        + Arrays.stream(values()).map(HazardSort::code).collect(Collectors.joining(", "))));
    }
}
