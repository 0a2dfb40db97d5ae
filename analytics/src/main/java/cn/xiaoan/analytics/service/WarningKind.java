package cn.xiaoan.analytics.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The warning lists (预警) leaders check every morning, each defined by one {@code sql/warnings/*.sql} query. */
public enum WarningKind {
    OVERDUE_HAZARDS(
            "overdue_hazards", "超期未整改隐患", "Overdue hazards", "open at the as-of date with the deadline before it"),
    MAJOR_WITHOUT_MEASURES(
            "major_without_measures",
            "未落实临时管控措施的重大隐患",
            "Open major hazards without temporary measures",
            "MAJOR, open at the as-of date, no temporary measures in the ledger"),
    SILENT_SCHOOLS(
            "silent_schools",
            "本月未报送台账的学校",
            "Schools with no ledger submission this month",
            "registered schools with no ledger row reported in the month of the as-of date"),
    WEAK_SELF_INSPECTION(
            "weak_self_inspection",
            "自查发现明显少于督查的学校",
            "Schools whose self-inspection finds far less than supervision",
            "in the period: at least 3 hazards found by supervision and fewer than half as many self-found"),
    RECTIFIED_NOT_CLOSED(
            "rectified_not_closed",
            "整改后长期未销号的隐患",
            "Hazards rectified but not signed off",
            "rectified at least N days (default 30) before the as-of date and not closed (销号) by it"),
    MAJOR_WITHOUT_DEADLINE(
            "major_without_deadline",
            "未明确整改时限的重大隐患",
            "Open major hazards without a deadline",
            "MAJOR, open at the as-of date, no deadline in the ledger: never overdue and left out of on_time_rate"),
    MAJOR_WITHOUT_RESPONSIBLE_UNIT(
            "major_without_responsible_unit",
            "未明确整改责任单位的重大隐患",
            "Open major hazards without a responsible unit",
            "MAJOR, open at the as-of date, no responsible unit (整改责任单位) in the ledger");

    private final String code;
    private final String nameZh;
    private final String nameEn;
    private final String definition;

    WarningKind(String code, String nameZh, String nameEn, String definition) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.definition = definition;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public String definition() {
        return definition;
    }

    /** The list a code names, e.g. {@code overdue_hazards}; a clear error (zh / en) naming the codes otherwise. */
    public static WarningKind fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.code.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No warning list \"" + code + "\": expected one of "
                        + Arrays.stream(values()).map(WarningKind::code).collect(Collectors.joining(", "))
                        + " / 没有名为 \"" + code + "\" 的预警清单"));
    }
}
