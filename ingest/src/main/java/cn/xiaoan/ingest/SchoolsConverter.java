package cn.xiaoan.ingest;

import static cn.xiaoan.ingest.ColumnSpec.oneOf;
import static cn.xiaoan.ingest.ColumnSpec.required;

import cn.xiaoan.domain.District;
import cn.xiaoan.domain.Districts;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.SchoolType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The school register (学校名册). */
final class SchoolsConverter extends Converter {
    static final int SCHOOL_CODE = 0;
    static final int NAME = 1;
    static final int DISTRICT_CODE = 2;
    static final int DISTRICT = 3;
    static final int SCHOOL_TYPE = 4;
    static final int BOARDING = 5;
    static final int STUDENTS = 6;

    static final Schema SCHEMA = new Schema(List.of(
            required("school_code", "学校标识码", "学校代码", "学校编码", "学校识别码", "标识码", "school_id", "code"),
            required("name", "学校名称", "学校", "名称", "school_name", "school"),
            oneOf("district", "district_code", "行政区划代码", "区划代码", "县区代码", "所属区划代码"),
            oneOf("district", "district", "县区", "县（区）", "县(市、区)", "区县", "所属县区", "县区名称", "district_name"),
            required("school_type", "学校类型", "办学类型", "学校类别", "类型", "type"),
            required("boarding", "是否寄宿制", "寄宿制", "是否寄宿", "寄宿制学校"),
            required("students", "在校生数", "在校学生数", "学生数", "在校生人数", "学生人数", "enrolment", "enrollment")));

    private static final String DDL = "school_code VARCHAR, name VARCHAR, district_code VARCHAR, school_type VARCHAR,"
            + " boarding BOOLEAN, students INTEGER";

    private final Districts districts;
    /** The submitter's district, or null when they may register schools of any district. */
    private final String submitterDistrict;

    private final Resolver<SchoolType> schoolTypes;
    private final Map<String, Integer> firstRowOfSchool = new HashMap<>();

    private String schoolCode;
    private String name;
    private String districtCode;
    private SchoolType schoolType;
    private int boarding;
    private int students;

    SchoolsConverter(ReferenceData reference, Optional<String> submitterDistrict) {
        this.submitterDistrict = submitterDistrict.orElse(null);
        this.districts = reference.districts();
        this.schoolTypes = new Resolver<>(SchoolType.class, reference.taxonomy());
    }

    @Override
    Schema schema() {
        return SCHEMA;
    }

    @Override
    String columnsDdl() {
        return DDL;
    }

    @Override
    boolean convert(RowCheck row) {
        schoolCode = row.schoolCode(SCHOOL_CODE);
        name = row.requiredText(NAME);
        districtCode = district(row);
        schoolType = row.code(SCHOOL_TYPE, schoolTypes, true, "学校类型");
        boarding = row.flag(BOARDING, true);
        students = students(row);
        if (!row.ok()) {
            return false;
        }
        Integer first = firstRowOfSchool.putIfAbsent(schoolCode, row.rowNumber());
        if (first != null) {
            row.problem(
                    SCHOOL_CODE,
                    schoolCode,
                    row.header(SCHOOL_CODE) + " \"" + schoolCode + "\" 在本文件中重复（第 " + first + " 行已出现）",
                    "school_code \"" + schoolCode + "\" appears twice in this file (first at row " + first + ")");
            return false;
        }
        return true;
    }

    private String district(RowCheck row) {
        int column = row.text(DISTRICT_CODE) != null ? DISTRICT_CODE : DISTRICT;
        String value = row.text(column);
        if (value == null) {
            row.missing(column);
            return null;
        }
        Optional<District> district = districts.resolve(value);
        if (district.isEmpty()) {
            String shown = Text.shown(value);
            row.problem(
                    column,
                    value,
                    row.header(column) + " \"" + shown + "\" 不是已知的县区（见 data/reference/districts.csv）",
                    row.key(column) + " \"" + shown
                            + "\" is not a known district code or name (see data/reference/districts.csv)");
            return null;
        }
        String code = district.get().code();
        if (submitterDistrict != null && !submitterDistrict.equals(code)) {
            row.problem(
                    column,
                    value,
                    row.header(column) + " \"" + Text.shown(value) + "\" 不是本辖区（" + submitterDistrict + "），只能报送本辖区的学校",
                    row.key(column) + " \"" + Text.shown(value) + "\" is not your district " + submitterDistrict
                            + "; you may only register schools of your district");
            return null;
        }
        return code;
    }

    /** Enrolment, or -1 when blank (stored as null) or invalid (a problem was recorded). */
    private static int students(RowCheck row) {
        String value = row.text(STUDENTS);
        if (value == null) {
            return -1;
        }
        String digits = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
        if (digits.length() > 9 || !RowCheck.allDigits(digits)) {
            String shown = Text.shown(value);
            row.problem(
                    STUDENTS,
                    value,
                    row.header(STUDENTS) + " \"" + shown + "\" 不是非负整数",
                    "students \"" + shown + "\" is not a whole number of 0 or more");
            return -1;
        }
        return Integer.parseInt(digits);
    }

    @Override
    void append(RowWriter out) {
        out.text(schoolCode);
        out.text(name);
        out.text(districtCode);
        out.text(schoolType.code());
        out.bool(boarding == 1);
        out.count(students);
    }
}
