package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.publish.ModelRetention;
import cn.xiaoan.domain.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hundred uploads, each followed by a build: the model directories and district extracts stay bounded. */
class ModelRetentionIT {
    private static final int CYCLES = 100;

    @TempDir
    Path temp;

    @Test
    void aHundredIngestAndBuildCyclesKeepAtMostKeepPlusOneVersions() throws Exception {
        var returns = new ReturnsFixture(temp.resolve("data"), 3_000);
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse"));
        returns.ingestRegister(warehouse);
        List<String> ledger = Files.readAllLines(temp.resolve("data").resolve("ledger-2023-12-31.csv"));
        assertThat(ledger.size()).isGreaterThan(CYCLES + 1);
        long largest = 0;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            // A different file each time: the header and the first `cycle` rows.
            Path file = temp.resolve("upload-" + cycle + ".csv");
            Files.write(file, ledger.subList(0, cycle + 1), StandardCharsets.UTF_8);
            returns.run(ReturnsFixture.ingest(
                    warehouse,
                    "ledger",
                    LocalDate.of(2024, 1, 1).plusDays(cycle).toString(),
                    file));
            returns.run(ReturnsFixture.build(warehouse));
            long version = Long.parseLong(
                    Files.readString(warehouse.currentModelPointer()).strip());
            // an analyst's district extract of the new version, as AnalystSql writes them
            Files.createDirectories(warehouse.scopes().resolve("v=" + version).resolve("district=140902"));

            assertThat(directories(warehouse.models()))
                    .as("cycle %d", cycle)
                    .hasSizeLessThanOrEqualTo(ModelRetention.DEFAULT_KEEP + 1)
                    .contains("v=" + version);
            assertThat(directories(warehouse.scopes())).hasSizeLessThanOrEqualTo(ModelRetention.DEFAULT_KEEP + 1);
            largest = Math.max(largest, bytes(warehouse.model(version)));
            assertThat(bytes(warehouse.models()))
                    .isLessThanOrEqualTo((ModelRetention.DEFAULT_KEEP + 1) * largest + 4096);
        }
        assertThat(directories(warehouse.models())).hasSize(ModelRetention.DEFAULT_KEEP + 1);
    }

    private static List<String> directories(Path directory) throws Exception {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("v="))
                    .toList();
        }
    }

    private static long bytes(Path directory) throws Exception {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile)
                    .mapToLong(path -> path.toFile().length())
                    .sum();
        }
    }
}
