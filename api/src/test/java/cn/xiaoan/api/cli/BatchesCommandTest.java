package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.XiaoanCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchesCommandTest {
    @TempDir
    Path warehouse;

    private final Components components = Components.fromEnvironment(Map.of());

    record Run(int exit, String out, String err) {}

    @Test
    void withdrawsABatchOnceWithTheReasonAndListsItAsWithdrawn() throws Exception {
        run("ingest", "--warehouse", warehouse.toString(), "--dataset", "schools", resource("schools.csv"));
        run(
                "ingest",
                "--warehouse",
                warehouse.toString(),
                "--dataset",
                "ledger",
                "--report-date",
                "2024-03-31",
                resource("ledger-with-bad-rows.csv"));

        Run withdrawn = run("batches", "withdraw", "2", "--reason", "填错了月份", "--warehouse", warehouse.toString());

        assertThat(withdrawn.exit()).as(withdrawn.err()).isZero();
        assertThat(withdrawn.out())
                .contains("批次 2 已撤回")
                .contains("batch 2 withdrawn")
                .contains("填错了月份");
        assertThat(warehouse.resolve("raw").resolve("ledger").resolve("batch=000002"))
                .isDirectory();
        assertThat(Files.readString(warehouse.resolve("manifest").resolve("withdrawals.jsonl")))
                .contains("\"batch_id\":2")
                .contains("\"withdrawn_by\":\"command-line\"")
                .contains("填错了月份");

        Run twice = run("batches", "withdraw", "2", "--reason", "again", "--warehouse", warehouse.toString());
        assertThat(twice.exit()).isNotZero();
        assertThat(twice.err())
                .startsWith("xiaoan batches withdraw: ")
                .contains("already withdrawn")
                .contains("已于");

        Run list = run("batches", "list", "--warehouse", warehouse.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.out().lines().filter(line -> line.startsWith("2\t")))
                .singleElement()
                .asString()
                .contains("ledger")
                .contains("已撤回 withdrawn by command-line")
                .contains("填错了月份");
        assertThat(list.out().lines().filter(line -> line.startsWith("1\t")))
                .singleElement()
                .asString()
                .contains("有效 standing");

        // the withdrawn batch's bytes are not "already ingested": they may be sent again
        Run again = run(
                "ingest",
                "--warehouse",
                warehouse.toString(),
                "--dataset",
                "ledger",
                "--report-date",
                "2024-03-31",
                resource("ledger-with-bad-rows.csv"));
        assertThat(again.out()).contains("batch 3").doesNotContain("already ingested");
    }

    @Test
    void refusesAWithdrawalWithoutAReasonOrOfAMissingBatch() throws Exception {
        Run noReason = run("batches", "withdraw", "1", "--warehouse", warehouse.toString());
        assertThat(noReason.exit()).isNotZero();
        assertThat(noReason.err()).contains("--reason");

        Run missing = run("batches", "withdraw", "7", "--reason", "x", "--warehouse", warehouse.toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("no batch 7");
    }

    @Test
    void explainsItselfWithHelp() {
        assertThat(run("batches", "--help").out()).contains("withdraw").contains("list");
        assertThat(run("batches", "withdraw", "--help").out())
                .contains("--reason")
                .contains("withdrawals.jsonl");
        assertThat(run("batches", "list", "--help").out()).contains("--dataset");
    }

    @Test
    void listsBatchesAsJson() throws Exception {
        run("ingest", "--warehouse", warehouse.toString(), "--dataset", "schools", resource("schools.csv"));

        Run list = run("batches", "list", "--json", "--warehouse", warehouse.toString());

        assertThat(list.exit()).as(list.err()).isZero();
        var batches = new com.fasterxml.jackson.databind.ObjectMapper().readTree(list.out());
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).get("batchId").asLong()).isEqualTo(1);
        assertThat(batches.get(0).get("withdrawn").asBoolean()).isFalse();
        assertThat(batches.get(0).get("dataset").asText()).isEqualTo("schools");
    }

    private Run run(String... arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(arguments), out.toString(), err.toString());
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(BatchesCommandTest.class.getResource("/cli/" + name).toURI())
                .toString();
    }
}
