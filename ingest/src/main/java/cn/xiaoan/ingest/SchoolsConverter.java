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

/**
 * The school register (学校名册). A school code belongs to the district that registered it first (then to the district
 * each move gives it, {@link SchoolMoves}): a row may add schools of the submitter's district and update schools the
 * row's district owns, and a row that would give a school to another district is rejected with its owner named, so
 * a register never moves a school, whoever sends it.
 */
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
    /** The owners of the schools registered so far (the register of earlier batches and the moves). */
    private final Register register;
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

    SchoolsConverter(ReferenceData reference, Register register, Optional<String> submitterDistrict) {
        this.submitterDistrict = submitterDistrict.orElse(null);
        this.register = register;
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
        if (!row.ok() || !ownedByRowDistrict(row)) {
            return false;
        }
        Integer first = firstRowOfSchool.putIfAbsent(schoolCode, row.rowNumber());
        if (first != null) {
            row.problem(
                    RejectReason.DUPLICATE,
                    SCHOOL_CODE,
                    schoolCode,
                    row.header(SCHOOL_CODE) + " \"" + schoolCode + "\" 在本文件中重复（第 " + first + " 行已出现）",
                    "school_code \"" + schoolCode + "\" appears twice in this file (first at row " + first + ")");
            return false;
        }
        return true;
    }

    /**
     * True when the school is new or its owner is the row's district; otherwise records who owns it and who may move
     * it. One hash lookup per row. A district clerk is told about the code (the school is not theirs), a city-level
     * submitter about the district (it is the value that would move the school).
     */
    private boolean ownedByRowDistrict(RowCheck row) {
        String owner = register.owner(schoolCode);
        if (owner == null || owner.equals(districtCode)) {
            return true;
        }
        int column =
                submitterDistrict != null ? SCHOOL_CODE : row.text(DISTRICT_CODE) != null ? DISTRICT_CODE : DISTRICT;
        District owning = districts.byCode(owner).orElse(null);
        District asked = districts.byCode(districtCode).orElseThrow();
        String ownerZh = owning == null ? owner : owning.nameZh() + "（" + owner + "）";
        String ownerEn = owning == null ? owner : owning.nameZh() + " " + owning.nameEn() + " (" + owner + ")";
        row.problem(
                RejectReason.OTHER_DISTRICT,
                column,
                column == SCHOOL_CODE ? schoolCode : row.text(column),
                row.header(SCHOOL_CODE) + " \"" + schoolCode + "\" 已登记在" + ownerZh + "名下，学校名册不能将其改为"
                        + asked.nameZh() + "（" + districtCode + "）；如学校确需变更所属县区，请市级管理员执行 bin/xiaoan schools move "
                        + schoolCode + " --to " + districtCode + " 迁移",
                "school_code \"" + schoolCode + "\" is registered to " + ownerEn + "; a register cannot give it to "
                        + asked.nameZh() + " " + asked.nameEn() + " (" + districtCode
                        + "): if the school really changed district, a city administrator can move it with"
                        + " bin/xiaoan schools move " + schoolCode + " --to " + districtCode);
        return false;
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
                    RejectReason.UNKNOWN_DISTRICT,
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
                    RejectReason.OTHER_DISTRICT,
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
                    RejectReason.BAD_NUMBER,
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
