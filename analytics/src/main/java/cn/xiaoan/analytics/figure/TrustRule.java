package cn.xiaoan.analytics.figure;

import java.util.Arrays;
import java.util.Optional;

/**
 * The checks of the ledger trust audit (docs/FIGURES.md "Ledger trust"), each one {@code sql/trust/<code>.sql} query
 * over the snapshot history that returns its evidence rows in the same columns. Their thresholds are
 * {@link TrustThresholds#DEFAULTS}, bound when the model is built.
 */
public enum TrustRule {
    STATUS_REGRESSED("status_regressed", "状态倒退", "Status went backwards"),
    VANISHED("vanished", "未销号即消失", "Vanished without being closed"),
    BACKDATED("backdated", "整改日期倒签", "Rectified date back-dated"),
    DEADLINE_EXTENDED("deadline_extended", "超期后延长期限", "Deadline moved after it was missed"),
    DEADLINE_DAY_PILEUP("deadline_day_pileup", "整改集中在期限当日", "Rectifications piled on the deadline day"),
    COPIED_DESCRIPTION("copied_description", "隐患描述多校雷同", "Description copied across schools"),
    UNCHANGED_SNAPSHOTS("unchanged_snapshots", "台账长期原样重报", "Ledger re-sent unchanged for months");

    private final String code;
    private final String nameZh;
    private final String nameEn;

    TrustRule(String code, String nameZh, String nameEn) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
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

    /** The rule's query: its evidence rows in the columns every rule shares. */
    public SqlTemplate query() {
        return SqlTemplate.load("trust/" + code + ".sql");
    }

    /**
     * The union of every rule's evidence rows, the model table {@code trust_findings}: built with the model (both
     * engines run the same text), so an audit reads findings instead of re-running seven rules over the history.
     */
    public static SqlTemplate findingsQuery() {
        var union = new StringBuilder();
        for (TrustRule rule : values()) {
            if (!union.isEmpty()) {
                union.append("\nUNION ALL\n");
            }
            union.append("SELECT * FROM (\n")
                    .append(rule.query().text())
                    .append("\n) ")
                    .append(rule.code());
        }
        return SqlTemplate.of("trust_findings", union.toString());
    }

    public static Optional<TrustRule> ofCode(String code) {
        return Arrays.stream(values()).filter(rule -> rule.code.equals(code)).findFirst();
    }
}
