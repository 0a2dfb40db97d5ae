package cn.xiaoan.generate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.ReferenceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorDeterminismTest {
    private static final EnumSet<OutputFormat> ALL = EnumSet.allOf(OutputFormat.class);

    private final Generator generator = new Generator(ReferenceData.load());

    @TempDir
    Path temp;

    @Test
    void sameSeedGivesIdenticalBytesInEveryFormat() throws IOException {
        GenerationSummary first = generator.generate(options("a", 7), GeneratorProgress.silent());
        GenerationSummary second = generator.generate(options("b", 7), GeneratorProgress.silent());

        List<String> names = fileNames(temp.resolve("a"));
        assertThat(names).isEqualTo(fileNames(temp.resolve("b")));
        assertThat(names)
                .contains(
                        "schools.csv",
                        "schools.xlsx",
                        "schools.jsonl",
                        "ledger-2023-12-31.csv",
                        "ledger-2026-10-31.xlsx",
                        "inspections.jsonl",
                        "surveys.csv",
                        "drills.xlsx",
                        Generator.MANIFEST);
        for (String name : names) {
            assertThat(Files.readAllBytes(temp.resolve("b").resolve(name)))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(temp.resolve("a").resolve(name)));
        }
        assertThat(first.ledgerRows()).isEqualTo(second.ledgerRows());
        assertThat(first.files()).hasSize(second.files().size()).hasSize(11 * 3);
    }

    @Test
    void differentSeedGivesDifferentData() throws IOException {
        generator.generate(options("a", 7), GeneratorProgress.silent());
        generator.generate(options("c", 8), GeneratorProgress.silent());
        for (String name : List.of("ledger-2024-06-30.csv", "ledger-2024-06-30.xlsx", "inspections.jsonl")) {
            assertThat(Files.readAllBytes(temp.resolve("c").resolve(name)))
                    .as(name)
                    .isNotEqualTo(Files.readAllBytes(temp.resolve("a").resolve(name)));
        }
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        generator.generate(options("a", 7), GeneratorProgress.silent());
        assertThat(fileNames(temp.resolve("a"))).noneMatch(name -> name.startsWith("."));
    }

    @Test
    void reportsProgressForEveryStep() throws IOException {
        var steps = new java.util.LinkedHashSet<String>();
        generator.generate(options("a", 7), (step, done, total) -> {
            assertThat(done).isBetween(0L, total);
            steps.add(step);
        });
        assertThat(steps)
                .containsExactly(
                        "schools",
                        "ledger 2023-12-31",
                        "ledger 2024-06-30",
                        "ledger 2024-12-31",
                        "ledger 2025-06-30",
                        "ledger 2025-12-31",
                        "ledger 2026-06-30",
                        "ledger 2026-10-31",
                        "inspections",
                        "surveys",
                        "drills");
    }

    private GeneratorOptions options(String directory, long seed) {
        return new GeneratorOptions(temp.resolve(directory), 30, 2_000, seed, ALL);
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
