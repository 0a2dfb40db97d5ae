package cn.xiaoan.analytics;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A breakdown that figures support. The only source of the identifiers put into figure SQL: each constant names its
 * member table and where a hazard's value comes from (its school, or the hazard itself).
 */
public enum Dimension {
    DISTRICT("district", "县区", "District", "dim_district", "s.district_code", true),
    SCHOOL_TYPE("school_type", "学校类型", "School type", "dim_school_type", "s.school_type", true),
    CATEGORY("category", "隐患类别", "Hazard category", "dim_category", "h.category", false),
    SEVERITY("severity", "隐患等级", "Severity", "dim_severity", "h.severity", false),
    INSPECTION_TYPE("inspection_type", "检查方式", "Inspection type", "dim_inspection_type", "h.inspection_type", false);

    private final String code;
    private final String nameZh;
    private final String nameEn;
    private final String memberTable;
    private final String hazardValue;
    private final boolean schoolAttribute;

    Dimension(
            String code,
            String nameZh,
            String nameEn,
            String memberTable,
            String hazardValue,
            boolean schoolAttribute) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.memberTable = memberTable;
        this.hazardValue = hazardValue;
        this.schoolAttribute = schoolAttribute;
    }

    /** The code used in requests and JSON, e.g. {@code district}. */
    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The model table listing this dimension's members ({@code code, name_zh, name_en, sort_order}). */
    String memberTable() {
        return memberTable;
    }

    /** The column of a hazard joined to its school ({@code h}, {@code s}) holding this dimension's code. */
    String hazardValue() {
        return hazardValue;
    }

    /** Whether the value belongs to the school, so that it also narrows the schools counted in a cell. */
    boolean schoolAttribute() {
        return schoolAttribute;
    }

    /** The condition on a school {@code s} for belonging to a cell's member in {@code cell.<cellColumn>}. */
    String schoolMatch(String cellColumn) {
        return schoolAttribute ? hazardValue + " = cell." + cellColumn : "1 = 1";
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
