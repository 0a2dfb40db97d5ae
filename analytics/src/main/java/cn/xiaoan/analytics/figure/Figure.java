package cn.xiaoan.analytics.figure;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The registry of figures (docs/FIGURES.md, "Definitions"), in the order tables show them. Each is computed by
 * {@code sql/figures/figures.sql}, in the column named here, and nowhere else; the definition text is for people.
 */
public enum Figure {
    FOUND("found", "发现隐患", "Found", FigureUnit.COUNT, "hazards with found_date in P"),
    MAJOR_FOUND("major_found", "发现重大隐患", "Major found", FigureUnit.COUNT, "found with severity MAJOR"),
    RECTIFIED("rectified", "已整改", "Rectified", FigureUnit.COUNT, "found with rectified_date ≤ D"),
    RECTIFICATION_RATE("rectification_rate", "整改率", "Rectification rate", FigureUnit.RATE, "rectified / found"),
    ON_TIME_RATE(
            "on_time_rate",
            "按期整改率",
            "On-time rate",
            FigureUnit.RATE,
            "among found with deadline ≤ D: share with rectified_date ≤ deadline"),
    OPEN(
            "open",
            "未整改",
            "Open",
            FigureUnit.COUNT,
            "found_date ≤ D and (rectified_date is null or > D); not limited to P",
            "open_hazards"),
    OVERDUE("overdue", "超期未整改", "Overdue", FigureUnit.COUNT, "open at D with deadline < D"),
    MAJOR_OPEN("major_open", "重大隐患未整改", "Major open", FigureUnit.COUNT, "open with severity MAJOR"),
    LEGACY_MAJOR_OPEN(
            "legacy_major_open",
            "存量重大隐患未整改",
            "Legacy major open",
            FigureUnit.COUNT,
            "major_open with found_date before the campaign baseline (" + Campaign.BASELINE + ")"),
    DAYS_TO_RECTIFY(
            "days_to_rectify",
            "平均整改天数",
            "Days to rectify",
            FigureUnit.DAYS,
            "mean of (rectified_date − found_date) in days over rectified"),
    SELF_FOUND_SHARE("self_found_share", "自查发现占比", "Self-found share", FigureUnit.RATE, "found by 自查 (SELF) / found"),
    RISK_INDEX(
            "risk_index",
            "风险指数",
            "Risk index",
            FigureUnit.INDEX,
            "100 × Σ over hazards open at D of weight × (2 if overdue else 1) / schools in the cell's district (and"
                    + " school type); weight GENERAL 1, MAJOR 5"),
    SUPERVISION_COVERAGE(
            "supervision_coverage",
            "督查覆盖率",
            "Supervision coverage",
            FigureUnit.RATE,
            "schools with an inspection-log visit or hazard of type 督查 in P / schools in the register"),
    DRILL_COMPLIANCE(
            "drill_compliance",
            "应急演练达标率",
            "Drill compliance",
            FigureUnit.RATE,
            "per school the share of teaching months (kindergartens: quarters) in P with a drill, averaged over"
                    + " schools"),
    SIX_100_CLOSED_MANAGEMENT(
            "six_100_rate_closed_management",
            "封闭化管理达标率",
            "Closed management",
            FigureUnit.RATE,
            "share of schools whose latest survey on or before D says yes"),
    SIX_100_FULL_TIME_GUARDS(
            "six_100_rate_full_time_guards",
            "专职保安配备率",
            "Full-time guards",
            FigureUnit.RATE,
            "share of schools whose latest survey on or before D says yes"),
    SIX_100_ONE_KEY_ALARM(
            "six_100_rate_one_key_alarm",
            "一键报警达标率",
            "One-key alarm",
            FigureUnit.RATE,
            "share of schools whose latest survey on or before D says yes"),
    SIX_100_VIDEO_POLICE_LINK(
            "six_100_rate_video_police_link",
            "视频监控联网率",
            "Video linked to police",
            FigureUnit.RATE,
            "share of schools whose latest survey on or before D says yes"),
    SIX_100_SCHOOL_GUARD_POST(
            "six_100_rate_school_guard_post",
            "护学岗设置率",
            "School guard post",
            FigureUnit.RATE,
            "share of schools whose latest survey on or before D says yes"),
    SIX_100_ANTI_RAM_BARRIERS(
            "six_100_rate_anti_ram_barriers",
            "硬质防冲撞设施达标率",
            "Anti-ram barriers",
            FigureUnit.RATE,
            "share of schools whose latest survey on or before D says yes"),
    STOCK_FLOW_OPENING(
            "stock_flow_opening", "期初存量", "Opening stock", FigureUnit.COUNT, "open at the day before P starts"),
    STOCK_FLOW_NEW("stock_flow_new", "本期新增", "New", FigureUnit.COUNT, "found"),
    STOCK_FLOW_RESOLVED(
            "stock_flow_resolved", "本期整改", "Resolved", FigureUnit.COUNT, "hazards with rectified_date in P"),
    STOCK_FLOW_CLOSING("stock_flow_closing", "期末存量", "Closing stock", FigureUnit.COUNT, "open at the end of P"),
    // Sign-off (销号): after the other figures so that every earlier column keeps its place in tables and exports.
    CLOSED("closed", "已销号", "Closed (signed off)", FigureUnit.COUNT, "found with closed_date ≤ D"),
    CLOSURE_RATE("closure_rate", "销号率", "Closure rate", FigureUnit.RATE, "closed / rectified"),
    RECTIFIED_NOT_CLOSED(
            "rectified_not_closed",
            "已整改未销号",
            "Rectified, not closed",
            FigureUnit.COUNT,
            "rectified_date ≤ D and (closed_date is null or > D); not limited to P"),
    DAYS_TO_CLOSE(
            "days_to_close",
            "平均销号天数",
            "Days to close",
            FigureUnit.DAYS,
            "mean of (closed_date − rectified_date) in days over closed"),
    // Campaign goals judge every hazard falling due in a period, not only those found in it (动态清零).
    DUE_ON_TIME_RATE(
            "due_on_time_rate",
            "到期隐患按期整改率",
            "On-time rate of hazards due",
            FigureUnit.RATE,
            "among hazards with deadline in P and deadline ≤ D (found whenever): share with rectified_date ≤ deadline");

    private final String code;
    private final String nameZh;
    private final String nameEn;
    private final FigureUnit unit;
    private final String definition;
    private final String column;

    Figure(String code, String nameZh, String nameEn, FigureUnit unit, String definition) {
        this(code, nameZh, nameEn, unit, definition, code);
    }

    Figure(String code, String nameZh, String nameEn, FigureUnit unit, String definition, String column) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.unit = unit;
        this.definition = definition;
        this.column = column;
    }

    /** The code used in requests, JSON, exports and SQL tables, e.g. {@code rectification_rate}. */
    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public FigureUnit unit() {
        return unit;
    }

    /** The definition as docs/FIGURES.md words it (P the period, D the as-of date). */
    public String definition() {
        return definition;
    }

    /** The result column of {@code figures.sql} ({@code open} is a keyword in some SQL dialects). */
    public String column() {
        return column;
    }

    /** The figure with this code (case ignored), or an exception listing the valid codes. */
    public static Figure fromCode(String code) {
        for (Figure figure : values()) {
            if (figure.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return figure;
            }
        }
        throw new IllegalArgumentException("Cannot find figure \"" + code + "\": expected one of " + codes());
    }

    /** The valid codes, comma separated, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(Figure::code).collect(Collectors.joining(", "));
    }
}
