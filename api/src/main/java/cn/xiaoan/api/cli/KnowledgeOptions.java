package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.analytics.figure.QuestionText;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --known-at} and {@code --reported-by}: the knowledge time of a command's answer (docs/WAREHOUSE.md). */
public final class KnowledgeOptions {
    @Option(
            names = "--known-at",
            paramLabel = "TIME",
            description = "按当时已知 As known at TIME: only batches ingested by then, withdrawals as they stood"
                    + " (2026-11-25T18:00:00+08:00, or a date: the end of that day, Beijing time)")
    String knownAt;

    @Option(
            names = "--reported-by",
            paramLabel = "YYYY-MM-DD",
            description = "按填报日期 As reported by DATE: only snapshots whose report date is on or before it")
    String reportedBy;

    /** The knowledge asked for; {@link Knowledge#LATEST} when neither option is given. */
    public Knowledge knowledge() {
        return QuestionText.knowledge(
                QuestionText.Spelling.COMMAND_LINE, Optional.ofNullable(knownAt), Optional.ofNullable(reportedBy));
    }
}
