package cn.xiaoan.ingest;

/**
 * Why a row was refused, as a stable code (the {@code reason_code} of a reject report), with what the clerk changes in
 * the file to have the row accepted: the reason says what is wrong, the fix what to do about it.
 */
public enum RejectReason {
    MISSING_VALUE("在该列填写内容（必填）", "Fill in this column (required)"),
    TOO_LONG("删减该单元格内容，或把长文本放到附件中", "Shorten the cell, or keep the long text in an attachment"),
    BAD_DATE(
            "改为实际存在的日期，如 2026-10-31（模板的日期列已设好格式）",
            "Enter a real date such as 2026-10-31 (the template's date columns are formatted)"),
    UNKNOWN_TERM(
            "从模板的下拉列表中选择，或改为原因中列出的名称之一",
            "Pick a value from the template's drop-down list, or one of the names the reason lists"),
    BAD_FLAG("改为 是 或 否", "Enter 是 (yes) or 否 (no)"),
    SUPERVISION_CONTRADICTION(
            "已挂牌督办的把“是否督办”改为 是；未督办的清空督办单位和督办日期",
            "If the hazard is listed for supervision set 督办 to 是; if not, clear the listing unit and date"),
    BAD_SCHOOL_CODE(
            "改为 10 位数字的学校标识码，并把该列设为文本格式，以免被转成科学计数法",
            "Enter the 10-digit school code, with the column formatted as text so it is not turned into 1.4E+09"),
    NO_REGISTER("先导入（或请市级管理员导入）学校名册，再重新上传本文件", "Have the school register ingested first, then upload this file again"),
    SCHOOL_NOT_REGISTERED(
            "核对学校标识码（可在模板的学校下拉列表中选择）；新设学校请先在学校名册中登记",
            "Check the school code (pick it from the template's school list); register a new school in the school register first"),
    OTHER_DISTRICT(
            "删去该行，由学校所属县区报送；学校确已划转的，请市级管理员办理学校划转",
            "Remove the row and let the school's own district submit it; if the school has moved, ask the city administrator to record the move"),
    UNKNOWN_DISTRICT(
            "改为 6 位行政区划代码或县区名称（见模板下拉列表）",
            "Enter the 6-digit district code or the district's name (see the template's list)"),
    DATE_ORDER(
            "核对日期先后：整改期限和完成日期不能早于检查日期",
            "Check the dates' order: the deadline and the rectified date cannot be before the found date"),
    STATUS_DATES(
            "让整改状态与日期一致：已整改须有完成日期，已销号须有销号日期，未完成的不填完成日期",
            "Make the status and dates agree: rectified needs a rectified date, closed a closed date, open none"),
    DUPLICATE("删除重复的行，或改正编号使每行唯一", "Remove the repeated row, or correct the id so every row is unique"),
    BAD_NUMBER("改为不小于 0 的整数", "Enter a whole number, 0 or more"),
    UNREADABLE_ROW(
            "检查该行的格式（如 JSON 行是否完整），改正后重新导出文件",
            "Check the row's format (e.g. a complete JSON line) and export the file again"),
    /** A reject report written before reasons had codes. */
    OTHER("按原因说明修改该行", "Change the row as the reason says");

    private final String fixZh;
    private final String fixEn;

    RejectReason(String fixZh, String fixEn) {
        this.fixZh = fixZh;
        this.fixEn = fixEn;
    }

    /** What to change, e.g. 改为 是 或 否. */
    public String fixZh() {
        return fixZh;
    }

    public String fixEn() {
        return fixEn;
    }

    /** The reason of a reject report's {@code reason_code} cell; {@link #OTHER} for older reports without one. */
    static RejectReason ofCode(String code) {
        if (code == null || code.isBlank()) {
            return OTHER;
        }
        try {
            return valueOf(code.strip());
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }
}
