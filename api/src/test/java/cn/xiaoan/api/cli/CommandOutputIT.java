package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command as a user runs it, through the packaged jar with its real class path and logging, its output piped (no
 * terminal): nothing but words on stdout and stderr — no escape codes, no progress bars, no logging framework
 * complaints or ERROR lines, no enum names where a summary speaks to a person.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandOutputIT {
    private static final Path JAR = Path.of("target", "xiaoan.jar").toAbsolutePath();

    @TempDir
    static Path work;

    record Run(List<String> command, int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @Test
    @Order(1)
    void everyCommandPrintsPlainWordsWhenPiped() throws Exception {
        assertThat(JAR).as("the packaged application (mvn package)").exists();
        var runs = new ArrayList<Run>();
        runs.add(run("--version"));
        runs.add(run("completion"));
        runs.add(run(
                "generate",
                "--out",
                "gen",
                "--schools",
                "60",
                "--hazards",
                "3000",
                "--seed",
                "7",
                "--formats",
                "csv,xlsx"));
        runs.add(run("ingest", "--dataset", "schools", "gen/schools.xlsx"));
        runs.add(run("ingest", "--dataset", "ledger", "gen/ledger-2026-06-30.csv"));
        runs.add(run("ingest", "--dataset", "ledger", "gen/ledger-2026-10-31.xlsx"));
        runs.add(run("template", "ledger", "--district", "140902", "--out", "ledger-template.xlsx"));
        runs.add(run("batches", "list"));
        runs.add(run("build"));
        runs.add(run("figures", "--as-of", "2026-10-31", "--by", "district"));
        runs.add(run("sql", "SELECT count(*) AS hazards FROM current_hazards", "--format", "csv"));
        runs.add(run("report", "annual", "--year", "2026", "--format", "docx", "--out", "annual.docx"));
        runs.add(run("report", "monthly", "--month", "2026-10", "--out", "monthly.xlsx"));
        runs.add(run("export-duckdb", "--copy", "model.duckdb"));
        runs.add(run("schools", "moves"));
        runs.add(run("gc", "--dry-run"));

        for (Run run : runs) {
            assertThat(run.exit()).as(run.command() + "\n" + run.err()).isZero();
            // a progress bar redraws its line with carriage returns (CSV data on stdout may end lines with CRLF)
            assertThat(run.err()).as(run.command() + " stderr").doesNotContain("\r");
            assertThat(run.all())
                    .as(run.command() + " printed:\n" + run.all())
                    .doesNotContain("\u001b")
                    .doesNotContainPattern("(?m)\\bERROR\\b")
                    .doesNotContainIgnoringCase("log4j")
                    .doesNotContain("SLF4J")
                    .doesNotContain("INGEST_TIME")
                    .doesNotContainPattern("from (FLAG|FILE)\\b");
        }
        Run ingest = runs.get(5);
        assertThat(ingest.out()).contains("来源：文件中的填报日期 / from the file's 填报日期");
        assertThat(runs.get(8).err())
                .as("a one-shot command logs no INFO lines")
                .isEmpty();
        assertThat(runs.get(0).out()).containsPattern("xiaoan \\d+\\.\\d+").contains("尚未发布模型");
        assertThat(runs.get(1).out()).startsWith("#!/usr/bin/env bash").contains("template", "completion", "--quiet");
    }

    @Test
    @Order(2)
    void quietLeavesOnlyTheDataAndTheVersionNamesThePublishedModel() throws Exception {
        Run build = run("build", "--quiet");
        assertThat(build.exit()).isZero();
        assertThat(build.all()).isEmpty();
        Run report = run("-q", "report", "annual", "--year", "2026", "--out", "quiet.docx");
        assertThat(report.exit()).isZero();
        assertThat(report.all()).isEmpty();
        assertThat(work.resolve("quiet.docx")).isNotEmptyFile();
        Run sql = run("sql", "SELECT 41 + 1 AS answer", "--format", "csv", "--quiet");
        assertThat(sql.out()).contains("42");

        assertThat(run("--version").out()).containsPattern("模型版本 model version \\d+");
    }

    private static Run run(String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toString()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        var builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("XIAOAN_WAREHOUSE", work.resolve("warehouse").toString());
        builder.environment().put("XIAOAN_LOG_DIR", work.resolve("logs").toString());
        builder.environment().remove(CliOutput.PROGRESS_VARIABLE);
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", arguments) + " did not finish within 300 s");
        }
        return new Run(
                List.of(arguments),
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
