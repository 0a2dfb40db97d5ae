package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.XiaoanCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
    @TempDir
    Path warehouse;

    private final Components components = Components.fromEnvironment(Map.of());

    /** The exit code and what the command printed on stdout and stderr. */
    record Run(int exit, String out, String err) {}

    @Test
    void printsOneJsonDocumentWithBatchAndCountsPerFile() throws Exception {
        assertThat(ingest("schools", resource("schools.csv")).exit()).isZero();

        Run run = ingest("ledger", "--json", "--report-date", "2024-03-31", resource("ledger-with-bad-rows.csv"));

        assertThat(run.exit()).isZero();
        JsonNode file = new ObjectMapper().readTree(run.out()).path("files").get(0);
        assertThat(file.path("batchId").asLong()).isEqualTo(2);
        assertThat(file.path("read").asLong()).isEqualTo(3);
        // YH-2: 2024-02-30 is no date; YH-3: the school is not in the register.
        assertThat(file.path("accepted").asLong()).isEqualTo(1);
        assertThat(file.path("rejected").asLong()).isEqualTo(2);
        assertThat(file.path("reportDate").asText()).isEqualTo("2024-03-31");
        assertThat(file.path("reportDateSource").asText()).isEqualTo("FLAG");
        assertThat(Path.of(file.path("rejectsFile").asText()))
                .content()
                .contains("2024-02-30")
                .contains("1999999999");
    }

    @Test
    void saysWhichBatchAFileWasAlreadyIngestedAs() throws Exception {
        ingest("schools", resource("schools.csv"));

        Run again = ingest("schools", resource("schools.csv"));

        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("already ingested as batch 1");
    }

    @Test
    void exitsNonZeroWithWhatToDoWhenAFileCannotBeRead() throws Exception {
        Run run = ingest("schools", warehouse.resolve("missing.csv").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("Cannot read missing.csv").contains("check the path");
    }

    @Test
    void refusesAReportDateIn2099BeforeReadingAnyFile() throws Exception {
        ingest("schools", resource("schools.csv"));

        Run run = ingest("ledger", "--report-date", "2099-12-31", resource("ledger-with-bad-rows.csv"));

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("2099-12-31").contains("晚于今天").contains("nothing was ingested");
        assertThat(warehouse.resolve("raw").resolve("ledger")).doesNotExist();
    }

    @Test
    void refusesAFileWhose填报日期IsIn2099AndGoesOnWithTheNextFile() throws Exception {
        ingest("schools", resource("schools.csv"));
        Path dated = warehouse.resolveSibling(warehouse.getFileName() + "-in").resolve("dated.csv");
        Files.createDirectories(dated.getParent());
        Files.writeString(
                dated, "隐患台账,,,填报日期：2099-12-31\n" + Files.readString(Path.of(resource("ledger-with-bad-rows.csv"))));

        Run run = ingest("ledger", "--json", dated.toString(), resource("ledger-with-bad-rows.csv"));

        assertThat(run.exit()).isEqualTo(1);
        JsonNode files = new ObjectMapper().readTree(run.out()).get("files");
        assertThat(files.get(0).get("error").asText())
                .contains("the file's 填报日期")
                .contains("2099-12-31");
        assertThat(files.get(1).get("batchId").asLong()).isEqualTo(2);
    }

    @Test
    void recordsTheSameFileForAnotherMonthAsASubmissionWithoutCopyingItsRows() throws Exception {
        ingest("schools", resource("schools.csv"));
        ingest("ledger", "--report-date", "2024-03-31", resource("ledger-with-bad-rows.csv"));

        Run april = ingest("ledger", "--report-date", "2024-04-30", resource("ledger-with-bad-rows.csv"));

        assertThat(april.exit()).isZero();
        assertThat(april.out()).contains("与批次 2 文件相同").contains("same file as batch 2");
        assertThat(warehouse.resolve("raw").resolve("ledger").resolve("batch=000003"))
                .doesNotExist();
    }

    private Run ingest(String dataset, String... arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[arguments.length + 5];
        all[0] = "ingest";
        all[1] = "--warehouse";
        all[2] = warehouse.toString();
        all[3] = "--dataset";
        all[4] = dataset;
        System.arraycopy(arguments, 0, all, 5, arguments.length);
        return new Run(commandLine.execute(all), out.toString(), err.toString());
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(IngestCommandTest.class.getResource("/cli/" + name).toURI())
                .toString();
    }
}
