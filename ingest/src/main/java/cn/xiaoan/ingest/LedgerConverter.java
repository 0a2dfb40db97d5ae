package cn.xiaoan.ingest;

import static cn.xiaoan.ingest.ColumnSpec.optional;
import static cn.xiaoan.ingest.ColumnSpec.required;

import cn.xiaoan.domain.Category;
import cn.xiaoan.domain.HazardStatus;
import cn.xiaoan.domain.InspectionType;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The hazard ledger (隐患台账): every rule of docs/WAREHOUSE.md, "ledger", one row per hazard. */
final class LedgerConverter extends Converter {
    static final int HAZARD_ID = 0;
    static final int SCHOOL_CODE = 1;
    static final int SCHOOL_NAME = 2;
    static final int FOUND_DATE = 3;
    static final int INSPECTION_TYPE = 4;
    static final int INSPECTOR = 5;
    static final int CATEGORY = 6;
    static final int LOCATION = 7;
    static final int DESCRIPTION = 8;
    static final int SEVERITY = 9;
    static final int MEASURES = 10;
    static final int TEMPORARY_MEASURES = 11;
    static final int RESPONSIBLE_PERSON = 12;
    static final int DEADLINE = 13;
    static final int STATUS = 14;
    static final int RECTIFIED_DATE = 15;
    static final int CLOSED_DATE = 16;
    static final int BASIS = 17;
    // responsibility and escalation (docs/WAREHOUSE.md, "Responsibility and 督办"): optional, after the original columns
    static final int RESPONSIBLE_UNIT = 18;
    static final int SUPERVISED = 19;
    static final int SUPERVISED_BY = 20;
    static final int SUPERVISED_DATE = 21;

    static final String WARNING_SCHOOL_NAME = "SCHOOL_NAME_MISMATCH";
    static final String WARNING_NO_TEMPORARY_MEASURES = "MAJOR_OPEN_WITHOUT_TEMPORARY_MEASURES";

    static final Schema SCHEMA = new Schema(List.of(
            optional("hazard_id", "隐患编号", "编号", "隐患编码", "hazard_no", "id"),
            required("school_code", "学校标识码", "学校代码", "学校编码", "学校识别码", "标识码", "school_id"),
            optional("school_name", "学校名称", "学校", "单位名称", "school"),
            required("found_date", "检查日期", "发现日期", "排查日期", "检查时间", "发现时间", "排查时间", "inspection_date", "date_found"),
            optional("inspection_type", "检查方式", "检查类型", "排查方式", "检查形式"),
            optional("inspector", "检查人/督查组", "检查人", "督查组", "检查人员", "排查人", "检查组"),
            required("category", "隐患类别", "隐患类型", "类别", "hazard_category"),
            optional("location", "隐患部位", "部位", "隐患位置", "位置", "隐患地点"),
            required("description", "隐患描述", "隐患内容", "存在问题", "问题描述", "隐患情况", "隐患具体情况"),
            required("severity", "隐患等级", "隐患级别", "等级", "level"),
            optional("measures", "整改措施", "整改方案"),
            optional("temporary_measures", "临时防范措施", "临时措施", "防范措施", "临时管控措施"),
            required("responsible_person", "整改责任人", "责任人", "整改负责人", "responsible"),
            optional("deadline", "整改期限", "整改时限", "限期", "整改截止日期", "整改期限日期", "due_date"),
            required("status", "整改状态", "状态", "整改情况", "整改进度"),
            optional("rectified_date", "整改完成日期", "完成日期", "整改完成时间", "完成时间", "rectification_date"),
            optional("closed_date", "销号日期", "销账日期", "销号时间"),
            optional("basis", "判定依据", "依据", "重大隐患判定依据"),
            optional("responsible_unit", "整改责任单位", "责任单位", "责任部门", "整改责任部门", "整改单位", "责任科室", "牵头单位", "整改牵头单位"),
            optional("supervised", "是否督办", "督办", "挂牌督办", "是否挂牌督办", "督办情况", "是否挂牌", "supervision"),
            optional("supervised_by", "督办单位", "挂牌督办单位", "督办部门", "挂牌单位", "督办级别"),
            optional("supervised_date", "督办日期", "挂牌督办日期", "挂牌日期", "督办时间")));

    private static final String DDL = "hazard_id VARCHAR, school_code VARCHAR, school_name VARCHAR, found_date DATE,"
            + " inspection_type VARCHAR, inspector VARCHAR, category VARCHAR, location VARCHAR, description VARCHAR,"
            + " severity VARCHAR, measures VARCHAR, temporary_measures VARCHAR, responsible_person VARCHAR,"
            + " deadline DATE, status VARCHAR, rectified_date DATE, closed_date DATE, basis VARCHAR, warnings VARCHAR,"
            + " responsible_unit VARCHAR, supervised BOOLEAN, supervised_by VARCHAR, supervised_date DATE";

    private final Register register;
    private final Resolver<InspectionType> inspectionTypes;
    private final Resolver<Category> categories;
    private final Resolver<Severity> severities;
    private final Resolver<HazardStatus> statuses;
    private final FirstRows firstRowOfHazard;
    private final MessageDigest sha256;

    /** The row being converted; texts stored as typed are appended from it as their positions. */
    private Cells cells;

    private String hazardId;
    private int hazardIdCell;
    private boolean derivedId;
    private String schoolCode;
    private int schoolCodeCell;
    private String schoolName;
    private int schoolNameCell;
    private int foundDate;
    private InspectionType inspectionType;
    private int inspector;
    private Category category;
    private int location;
    private int description;
    private Severity severity;
    private int measures;
    private int temporaryMeasures;
    private int responsiblePerson;
    private int deadline;
    private HazardStatus status;
    private int rectifiedDate;
    private int closedDate;
    private int basis;
    private String warnings;
    private int responsibleUnit;
    private int supervised;
    private int supervisedByCell;
    private String supervisedBy;
    private int supervisedDate;

    LedgerConverter(ReferenceData reference, Register register, FirstRows firstRowOfHazard) {
        this.register = register;
        this.firstRowOfHazard = firstRowOfHazard;
        this.inspectionTypes = new Resolver<>(InspectionType.class, reference.taxonomy());
        this.categories = new Resolver<>(Category.class, reference.taxonomy());
        this.severities = new Resolver<>(Severity.class, reference.taxonomy());
        this.statuses = new Resolver<>(HazardStatus.class, reference.taxonomy());
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot derive hazard ids: the JVM has no SHA-256", e);
        }
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
        cells = row.cells();
        schoolCode = register.check(row, SCHOOL_CODE);
        schoolCodeCell = row.cell(SCHOOL_CODE);
        schoolNameCell = row.cell(SCHOOL_NAME);
        schoolName = row.textAt(schoolNameCell);
        foundDate = row.date(FOUND_DATE, true);
        inspectionType = row.code(INSPECTION_TYPE, inspectionTypes, false, "检查方式");
        inspector = row.cell(INSPECTOR);
        category = row.code(CATEGORY, categories, true, "隐患类别");
        location = row.cell(LOCATION);
        description = row.requiredCell(DESCRIPTION);
        severity = row.code(SEVERITY, severities, true, "隐患等级");
        measures = row.cell(MEASURES);
        temporaryMeasures = row.cell(TEMPORARY_MEASURES);
        responsiblePerson = row.requiredCell(RESPONSIBLE_PERSON);
        deadline = row.date(DEADLINE, false);
        status = row.code(STATUS, statuses, true, "整改状态");
        rectifiedDate = row.date(RECTIFIED_DATE, false);
        closedDate = row.date(CLOSED_DATE, false);
        basis = row.cell(BASIS);
        responsibleUnit = row.cell(RESPONSIBLE_UNIT);
        readSupervision(row);
        checkDates(row);
        checkStatus(row);
        hazardIdCell = row.cell(HAZARD_ID);
        hazardId = row.textAt(hazardIdCell);
        derivedId = hazardId == null;
        if (derivedId && schoolCode != null && isDate(foundDate) && description >= 0) {
            hazardId = deriveId(row.text(LOCATION), row.text(DESCRIPTION));
        }
        if (!row.ok()) {
            return false;
        }
        if (!checkUnique(row)) {
            return false;
        }
        warn(row);
        warnings = row.warnings();
        return true;
    }

    /**
     * 督办: the flag as 是/否 or as the listing itself (市级挂牌督办: yes, listed by 市级), who listed it and when. A
     * listing unit or date without the flag means listed; 否 with either contradicts itself and rejects the row.
     */
    private void readSupervision(RowCheck row) {
        supervisedByCell = row.cell(SUPERVISED_BY);
        supervisedBy = null;
        supervisedDate = row.date(SUPERVISED_DATE, false);
        String flag = row.text(SUPERVISED);
        supervised = flag == null ? -1 : Supervision.parse(flag);
        if (flag != null && supervised < 0) {
            String shown = Text.shown(flag);
            row.problem(
                    RejectReason.BAD_FLAG,
                    SUPERVISED,
                    flag,
                    row.header(SUPERVISED) + " \"" + shown + "\" 应为 是/否，或写明督办级别（如 市级挂牌督办）",
                    "supervised \"" + shown + "\" is not yes/no (expected 是/否, or the listing such as 市级挂牌督办)");
            return;
        }
        if (supervised == 1 && supervisedByCell < 0 && Supervision.namesTheListing(flag)) {
            supervisedBy = flag;
        }
        boolean details = supervisedByCell >= 0 || supervisedDate != RowCheck.ABSENT;
        if (supervised == 0 && details) {
            String value = supervisedByCell >= 0 ? row.textAt(supervisedByCell) : row.text(SUPERVISED_DATE);
            row.problem(
                    RejectReason.SUPERVISION_CONTRADICTION,
                    supervisedByCell >= 0 ? SUPERVISED_BY : SUPERVISED_DATE,
                    value,
                    row.header(SUPERVISED) + " 为 \"" + Text.shown(flag) + "\"，却填写了督办单位或督办日期",
                    "supervised is \"" + Text.shown(flag) + "\" but a listing unit or date is given");
        } else if (supervised < 0 && details) {
            supervised = 1;
        }
    }

    private static boolean isDate(int day) {
        return day != RowCheck.ABSENT && day != RowCheck.INVALID;
    }

    private void checkDates(RowCheck row) {
        if (!isDate(foundDate)) {
            return;
        }
        if (isDate(deadline) && deadline < foundDate) {
            String found = Dates.iso(foundDate);
            String value = Dates.iso(deadline);
            row.problem(
                    RejectReason.DATE_ORDER,
                    DEADLINE,
                    value,
                    row.header(DEADLINE) + " \"" + value + "\" 早于" + row.header(FOUND_DATE) + " \"" + found + "\"",
                    "deadline \"" + value + "\" is before found_date \"" + found + "\"");
        }
        if (isDate(rectifiedDate) && rectifiedDate < foundDate) {
            String found = Dates.iso(foundDate);
            String value = Dates.iso(rectifiedDate);
            row.problem(
                    RejectReason.DATE_ORDER,
                    RECTIFIED_DATE,
                    value,
                    row.header(RECTIFIED_DATE) + " \"" + value + "\" 早于" + row.header(FOUND_DATE) + " \"" + found
                            + "\"",
                    "rectified_date \"" + value + "\" is before found_date \"" + found + "\"");
        }
    }

    private void checkStatus(RowCheck row) {
        if (status == null) {
            return;
        }
        switch (status) {
            case OPEN, IN_PROGRESS -> {
                if (isDate(rectifiedDate)) {
                    String value = Dates.iso(rectifiedDate);
                    row.problem(
                            RejectReason.STATUS_DATES,
                            RECTIFIED_DATE,
                            value,
                            "整改状态为 " + statusZh() + "，但填写了" + row.header(RECTIFIED_DATE) + " \"" + value
                                    + "\"（未完成整改的隐患不应有完成日期）",
                            "status is " + status.code() + " but rectified_date \"" + value
                                    + "\" is given (an unfinished hazard has no rectified date)");
                }
            }
            case RECTIFIED, CLOSED -> {
                if (rectifiedDate == RowCheck.ABSENT) {
                    row.problem(
                            RejectReason.STATUS_DATES,
                            RECTIFIED_DATE,
                            "",
                            "整改状态为 " + statusZh() + "，但" + row.header(RECTIFIED_DATE) + " 为空",
                            "status is " + status.code() + " but rectified_date is missing");
                }
                if (status == HazardStatus.CLOSED && closedDate == RowCheck.ABSENT) {
                    row.problem(
                            RejectReason.STATUS_DATES,
                            CLOSED_DATE,
                            "",
                            "整改状态为 已销号，但" + row.header(CLOSED_DATE) + " 为空",
                            "status is CLOSED but closed_date is missing");
                }
            }
        }
    }

    private String statusZh() {
        return switch (status) {
            case OPEN -> "未整改";
            case IN_PROGRESS -> "整改中";
            case RECTIFIED -> "已整改";
            case CLOSED -> "已销号";
        };
    }

    private String deriveId(String location, String description) {
        sha256.reset();
        sha256.update(schoolCode.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(Dates.iso(foundDate).getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        if (location != null) {
            sha256.update(location.getBytes(StandardCharsets.UTF_8));
        }
        sha256.update((byte) 0);
        sha256.update(description.getBytes(StandardCharsets.UTF_8));
        return "auto-" + HexFormat.of().formatHex(sha256.digest(), 0, 8);
    }

    /** A hazard id (given or derived) may appear once per school in a file; the first accepted row wins. */
    private boolean checkUnique(RowCheck row) {
        int first = firstRowOfHazard.putIfAbsent(schoolCode, hazardId, row.rowNumber());
        if (first < 0) {
            return true;
        }
        if (derivedId) {
            row.problem(
                    RejectReason.DUPLICATE,
                    DESCRIPTION,
                    row.text(DESCRIPTION),
                    "与第 " + first + " 行重复：隐患编号为空，且学校、检查日期、部位和描述完全相同",
                    "duplicate of row " + first + ": no hazard_id, and the same school, found_date, location and"
                            + " description");
        } else {
            row.problem(
                    RejectReason.DUPLICATE,
                    HAZARD_ID,
                    hazardId,
                    row.header(HAZARD_ID) + " \"" + Text.shown(hazardId) + "\" 在本文件中重复（第 " + first + " 行已出现）",
                    "hazard_id \"" + Text.shown(hazardId) + "\" appears twice in this file (first at row " + first
                            + ")");
        }
        return false;
    }

    private void warn(RowCheck row) {
        if (schoolName != null) {
            String registered = register.name(schoolCode);
            if (registered != null && !registered.equals(schoolName)) {
                row.warn(WARNING_SCHOOL_NAME);
            }
        }
        boolean open = status == HazardStatus.OPEN || status == HazardStatus.IN_PROGRESS;
        if (open && severity == Severity.MAJOR && temporaryMeasures < 0) {
            row.warn(WARNING_NO_TEMPORARY_MEASURES);
        }
    }

    @Override
    void append(RowWriter out) {
        if (derivedId) {
            out.text(hazardId);
        } else {
            out.cell(cells, hazardIdCell);
        }
        out.cell(cells, schoolCodeCell);
        out.cell(cells, schoolNameCell);
        out.date(foundDate);
        out.text(inspectionType == null ? null : inspectionType.code());
        out.cell(cells, inspector);
        out.text(category.code());
        out.cell(cells, location);
        out.cell(cells, description);
        out.text(severity.code());
        out.cell(cells, measures);
        out.cell(cells, temporaryMeasures);
        out.cell(cells, responsiblePerson);
        out.date(deadline);
        out.text(status.code());
        out.date(rectifiedDate);
        out.date(closedDate);
        out.cell(cells, basis);
        out.text(warnings);
        out.cell(cells, responsibleUnit);
        out.flag(supervised);
        if (supervisedBy != null) {
            out.text(supervisedBy);
        } else {
            out.cell(cells, supervisedByCell);
        }
        out.date(supervisedDate);
    }
}
