package cn.xiaoan.analytics.figure;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A breakdown every figure supports (docs/FIGURES.md). The only source of the identifiers put into figure SQL: each
 * constant names the fact column holding its code and, for the closed sets, the model table listing its members.
 */
public enum Dimension {
    DISTRICT("district", "县区", "District", Kind.SCHOOL, "district_code", "dim_district"),
    SCHOOL_TYPE("school_type", "学校类型", "School type", Kind.SCHOOL, "school_type", "dim_school_type"),
    BOARDING("boarding", "寄宿制", "Boarding", Kind.SCHOOL, "boarding", "dim_boarding"),
    CATEGORY("category", "隐患类别", "Hazard category", Kind.HAZARD, "category", "dim_category"),
    SEVERITY("severity", "隐患等级", "Severity", Kind.HAZARD, "severity", "dim_severity"),
    INSPECTION_TYPE(
            "inspection_type", "检查方式", "Inspection type", Kind.HAZARD, "inspection_type", "dim_inspection_type"),
    MONTH("month", "月份", "Month", Kind.TIME, "found_month", null),
    QUARTER("quarter", "季度", "Quarter", Kind.TIME, "found_quarter", null),
    YEAR("year", "年度", "Year", Kind.TIME, "found_year", null);

    /** Where a dimension's value comes from, which decides what it narrows. */
    public enum Kind {
        /** An attribute of the school (it also narrows the schools figures divide by). */
        SCHOOL,
        /** An attribute of the hazard. */
        HAZARD,
        /** The month, quarter or year of found_date (of the visit or drill for school-based figures). */
        TIME
    }

    private final String code;
    private final String nameZh;
    private final String nameEn;
    private final Kind kind;
    private final String factColumn;
    private final String memberTable;

    Dimension(String code, String nameZh, String nameEn, Kind kind, String factColumn, String memberTable) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.kind = kind;
        this.factColumn = factColumn;
        this.memberTable = memberTable;
    }

    /** The code used in requests, JSON, CSV headers and SQL, e.g. {@code district}. */
    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether questions may be filtered by this dimension's codes (time is chosen by the period instead). */
    public boolean filterable() {
        return kind != Kind.TIME;
    }

    /** The column of {@code hazard_facts} and {@code hazard_cube} holding this dimension's code. */
    String factColumn() {
        return factColumn;
    }

    /** The model table listing the members ({@code code, name_zh, name_en, sort_order}); empty for time. */
    public Optional<String> memberTable() {
        return Optional.ofNullable(memberTable);
    }

    /** The dimension with this code (case ignored), or an exception listing the valid codes. */
    public static Dimension fromCode(String code) {
        for (Dimension dimension : values()) {
            if (dimension.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return dimension;
            }
        }
        throw new IllegalArgumentException("Cannot find dimension \"" + code + "\": expected one of " + codes());
    }

    /** The valid codes, comma separated, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(Dimension::code).collect(Collectors.joining(", "));
    }
}
