package cn.xiaoan.api.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.XiaoanCommand;
import cn.xiaoan.api.cli.Components;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    @TempDir
    Path work;

    private final Components components = Components.fromEnvironment(Map.of());

    record Run(int exit, String out, String err) {}

    @Test
    void benchIngestReportsBothThroughputsTheRatioAndTheHeap() throws Exception {
        Run run = bench("ingest", "--rows", "300", "--work-dir", work.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("300 ledger rows")
                .contains("JVM heap -Xmx")
                .contains("xiaoan ingest (csv, validated)")
                .contains("(300 accepted)")
                .contains("DuckDB read_csv → Parquet")
                .containsPattern("ratio xiaoan / DuckDB\\s+\\d+\\.\\d\\d");
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).as("the scratch files are removed").isEmpty();
        }
    }

    @Test
    void benchIngestComparesTheBestOfRepeatedRounds() throws Exception {
        Run run = bench("ingest", "--rows", "100", "--repeat", "2", "--work-dir", work.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("best of 2 rounds")
                .containsPattern("rounds \\d+ ms, \\d+ ms\\R")
                .contains("(100 accepted)");
    }

    @Test
    void benchIngestReadsAnXlsxLedgerWhenAsked() throws Exception {
        Run run = bench("ingest", "--rows", "200", "--format", "XLSX", "--work-dir", work.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("xiaoan ingest (xlsx, validated)").contains("(200 accepted)");
    }

    @Test
    void benchIngestRefusesAnUnknownFormat() {
        Run run = bench("ingest", "--rows", "10", "--format", "json", "--work-dir", work.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("format \"json\"").contains("expected csv or xlsx");
    }

    @Test
    void benchIngestRefusesZeroRows() {
        Run run = bench("ingest", "--rows", "0", "--work-dir", work.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("rows must be between 1 and");
    }

    private Run bench(String... arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[arguments.length + 1];
        all[0] = "bench";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return new Run(commandLine.execute(all), out.toString(), err.toString());
    }
}
