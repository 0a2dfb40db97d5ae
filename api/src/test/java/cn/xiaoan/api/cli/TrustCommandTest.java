package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.service.TrustLedger;
import cn.xiaoan.api.XiaoanCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xiaoan trust} on the hand-made ledger whose school reported a rectified hazard OPEN again without a note. */
class TrustCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Components COMPONENTS = Components.fromEnvironment(Map.of());

    @TempDir
    static Path root;

    private static TrustLedger ledger;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void loadTheLedger() {
        ledger = TrustLedger.load("status_regressed", root);
    }

    @Test
    void printsScoresByDistrictAndSchoolAsTextAndAsTheApisJson() throws Exception {
        Run text = run("trust", "--warehouse", warehouse());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("得分 score 50.0  隐患 hazards 2  有发现 flagged 1")
                .contains("140902 忻府区  得分 score 50.0")
                .contains("状态倒退 status_regressed: 1 (1 hazards)");

        Run json = run("trust", "--warehouse", warehouse(), "--district", "140902", "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode audit = JSON.readTree(json.out());
        assertThat(audit.at("/total/score").asDouble()).isEqualTo(50.0);
        assertThat(audit.at("/schools/0/schoolCode").asText()).isEqualTo(TrustLedger.SCHOOL_A);
        assertThat(audit.at("/schools/0/rules/0/rule").asText()).isEqualTo("status_regressed");
        assertThat(audit.at("/schools/0/rules/0/findings").asInt()).isEqualTo(1);
    }

    @Test
    void printsOneSchoolsEvidenceWithItsBatches() throws Exception {
        Run text = run("trust", "--warehouse", warehouse(), "--school", TrustLedger.SCHOOL_A);
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("状态倒退 status_regressed  H1  batch " + ledger.batch("2026-05-31") + " 2026-05-31 → batch "
                        + ledger.batch("2026-06-30") + " 2026-06-30  RECTIFIED → OPEN");

        JsonNode evidence = JSON.readTree(
                run("trust", "--warehouse", warehouse(), "--school", TrustLedger.SCHOOL_A, "--format", "json")
                        .out());
        assertThat(evidence.at("/findings/0/valueBefore").asText()).isEqualTo("RECTIFIED");
        assertThat(evidence.at("/findings/0/earlierBatchId").asLong()).isEqualTo(ledger.batch("2026-05-31"));
    }

    @Test
    void refusesAnUnknownDistrictOrSchoolWithAClearMessage() {
        Run district = run("trust", "--warehouse", warehouse(), "--district", "999999");
        assertThat(district.exit()).isEqualTo(2);
        assertThat(district.err()).contains("Unknown district code 999999");

        Run school = run("trust", "--warehouse", warehouse(), "--district", "140921", "--school", TrustLedger.SCHOOL_A);
        assertThat(school.exit()).isEqualTo(2);
        assertThat(school.err()).contains("No school " + TrustLedger.SCHOOL_A + " in the districts asked for");
    }

    private static String warehouse() {
        return root.resolve("warehouse").toString();
    }

    private static Run run(String... arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(COMPONENTS);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(arguments);
        return new Run(exit, out.toString(), err.toString());
    }
}
