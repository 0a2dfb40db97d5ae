package cn.xiaoan.analytics.bench;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.SchoolRegister;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.generate.GeneratedFile;
import cn.xiaoan.generate.GenerationSummary;
import cn.xiaoan.generate.Generator;
import cn.xiaoan.generate.GeneratorOptions;
import cn.xiaoan.generate.GeneratorProgress;
import cn.xiaoan.generate.OutputFormat;
import cn.xiaoan.ingest.IngestProgress;
import cn.xiaoan.ingest.IngestRequest;
import cn.xiaoan.ingest.Ingestor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;

/**
 * A warehouse filled the way a bureau fills one: the generator's CSV returns (register, ledger snapshots, inspections,
 * surveys, drills), ingested in the generator's order; the CSV files are removed afterwards. For benchmarks and tests.
 */
public final class GeneratedWarehouse {
    private final ReferenceData reference;

    public GeneratedWarehouse(ReferenceData reference) {
        this.reference = requireNonNull(reference, "reference");
    }

    /** Generates {@code hazards} hazards over the demo register (or fewer schools) and ingests every return. */
    public Warehouse create(Path root, int schools, long hazards, long seed) {
        var warehouse = new Warehouse(root);
        Path csv = root.resolve(".generated-csv");
        try {
            int maxSchools = SchoolRegister.loadDemo(reference).size();
            GenerationSummary summary = new Generator(reference)
                    .generate(
                            new GeneratorOptions(
                                    csv, Math.min(schools, maxSchools), hazards, seed, EnumSet.of(OutputFormat.CSV)),
                            GeneratorProgress.silent());
            // Returns that are not snapshots carry the last snapshot's date, as bin/xiaoan demo does.
            LocalDate lastReportDate = summary.files().stream()
                    .map(GeneratedFile::reportDate)
                    .filter(date -> date != null)
                    .max(LocalDate::compareTo)
                    .orElseThrow(() -> new IllegalStateException("Cannot ingest generated data: no ledger snapshot"));
            var ingestor = new Ingestor(warehouse, reference);
            for (GeneratedFile file : summary.files()) {
                LocalDate reportDate = file.reportDate() != null ? file.reportDate() : lastReportDate;
                ingestor.ingest(
                        new IngestRequest(
                                file.dataset(),
                                file.path(),
                                file.path().getFileName().toString(),
                                Optional.of(reportDate)),
                        IngestProgress.silent());
            }
            return warehouse;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot generate a warehouse in " + root + ": " + e.getMessage(), e);
        } finally {
            deleteRecursively(csv);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }
}
