package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.LedgerTrustService;
import cn.xiaoan.analytics.service.TrustAudit;
import cn.xiaoan.analytics.service.TrustAudit.Finding;
import cn.xiaoan.analytics.service.TrustAudit.RuleCount;
import cn.xiaoan.analytics.service.TrustAudit.Score;
import cn.xiaoan.analytics.service.UnknownSchoolException;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xiaoan trust}: the ledger trust audit (docs/FIGURES.md "Ledger trust") of the published model — scores per
 * district and school with their findings per rule, or one school's evidence rows. {@code --format json} prints the
 * documents of {@code GET /api/v1/trust} and {@code /api/v1/trust/schools/{code}}.
 */
@Command(
        name = "trust",
        mixinStandardHelpOptions = true,
        description = {
            "台账可信度核查：按区县、学校的可信度得分与各规则发现，或一所学校的证据",
            "Ledger trust audit: scores and findings per rule by district and school, or one school's evidence"
        })
public final class TrustCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format {
        text,
        json
    }

    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOption warehouseOption;

    @Mixin
    KnowledgeOptions knowledge;

    @Option(
            names = "--district",
            paramLabel = "CODE[,CODE]",
            split = ",",
            description = "县区 Districts (default: the whole city)")
    List<String> districts = new ArrayList<>();

    @Option(
            names = "--school",
            paramLabel = "CODE",
            description = "学校标识码：列出该校的证据 School code: print that school's evidence rows")
    String school;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "输出格式 Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format = Format.text;

    TrustCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        DistrictScope scope = scope();
        try (FigureService figures = components.figures(components.warehouse(warehouseOption.warehouse))) {
            var trust = new LedgerTrustService(figures);
            ModelSnapshot snapshot = figures.snapshot(knowledge.knowledge());
            if (school != null) {
                try {
                    TrustAudit.SchoolEvidence evidence = trust.school(snapshot, school, scope);
                    if (format == Format.json) {
                        json(evidence);
                    } else {
                        printSchool(evidence);
                    }
                } catch (UnknownSchoolException e) {
                    throw new IllegalArgumentException("所选区县内没有学校 " + school + " / No school " + school
                            + " in the districts asked for: check the code with `xiaoan schools show`");
                }
                return 0;
            }
            TrustAudit audit = trust.audit(snapshot, scope);
            if (format == Format.json) {
                json(audit);
            } else {
                printAudit(audit);
            }
        }
        return 0;
    }

    private DistrictScope scope() {
        var codes = new java.util.TreeSet<String>();
        for (String code : districts) {
            String district = code.strip();
            if (components.reference().districts().byCode(district).isEmpty()) {
                throw new IllegalArgumentException(
                        "未知的区县代码 " + district + " / Unknown district code " + district + " (see data/reference)");
            }
            codes.add(district);
        }
        return codes.isEmpty() ? DistrictScope.city() : DistrictScope.of(Set.copyOf(codes));
    }

    private void printAudit(TrustAudit audit) {
        PrintWriter out = out();
        out.printf("台账可信度 Ledger trust (model v%d): %s%n", audit.modelVersion().version(), line(audit.total()));
        printRules(out, audit.total(), "  ");
        out.println();
        out.println("区县 Districts (weakest first):");
        for (Score district : audit.districts()) {
            out.printf("  %s %s  %s%n", district.districtCode(), district.districtNameZh(), line(district));
        }
        out.println();
        out.println("学校 Schools (weakest first):");
        for (Score school : audit.schools()) {
            out.printf(
                    "  %s %s (%s)  %s%n",
                    school.schoolCode(), school.schoolName(), school.districtNameZh(), line(school));
            printRules(out, school, "      ");
        }
        out.flush();
    }

    private void printSchool(TrustAudit.SchoolEvidence evidence) {
        PrintWriter out = out();
        Score school = evidence.school();
        out.printf(
                "%s %s (%s)  %s (model v%d)%n",
                school.schoolCode(),
                school.schoolName(),
                school.districtNameZh(),
                line(school),
                evidence.modelVersion().version());
        for (Finding finding : evidence.findings()) {
            String earlier = finding.earlierBatchId() == null
                    ? ""
                    : "batch " + finding.earlierBatchId() + " " + finding.earlierReportDate() + " → ";
            String count = finding.amount() == null
                    ? ""
                    : "  (" + finding.amount() + (finding.amountOf() == null ? "" : "/" + finding.amountOf()) + ")";
            out.printf(
                    "  %s %s  %s  %sbatch %d %s  %s → %s%s%n",
                    finding.ruleNameZh(),
                    finding.rule(),
                    finding.hazardId(),
                    earlier,
                    finding.batchId(),
                    finding.reportDate(),
                    finding.valueBefore() == null ? "—" : finding.valueBefore(),
                    finding.valueAfter() == null ? "—" : finding.valueAfter(),
                    count);
        }
        out.flush();
    }

    private static String line(Score score) {
        return "得分 score " + (score.score() == null ? "—" : score.score()) + "  隐患 hazards " + score.hazards()
                + "  有发现 flagged " + score.flaggedHazards() + "  发现 findings " + score.findings();
    }

    private static void printRules(PrintWriter out, Score score, String indent) {
        for (RuleCount rule : score.rules()) {
            if (rule.findings() > 0) {
                out.printf(
                        "%s%s %s: %d (%d hazards)%n",
                        indent, rule.nameZh(), rule.rule(), rule.findings(), rule.hazards());
            }
        }
    }

    private void json(Object body) throws JsonProcessingException {
        out().println(components.json().writeValueAsString(body));
        out().flush();
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
