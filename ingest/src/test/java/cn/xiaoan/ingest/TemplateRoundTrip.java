package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.generate.GeneratedFile;
import cn.xiaoan.generate.GenerationSummary;
import cn.xiaoan.generate.Generator;
import cn.xiaoan.generate.GeneratorOptions;
import cn.xiaoan.generate.GeneratorProgress;
import cn.xiaoan.generate.OutputFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Generated returns with their school register ingested, and the district owning the most schools: the clerk whose
 * templates the round-trip tests fill and ingest.
 */
record TemplateRoundTrip(Path root, GenerationSummary generated, Warehouse warehouse, String district) {
    static final ReferenceData REFERENCE = ReferenceData.load();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate REPORT_DATE = LocalDate.of(2026, 10, 31);

    static TemplateRoundTrip create(Path root) throws IOException {
        GenerationSummary generated = new Generator(REFERENCE)
                .generate(
                        new GeneratorOptions(root.resolve("generated"), 40, 8_000, 5, EnumSet.of(OutputFormat.CSV)),
                        GeneratorProgress.silent());
        var warehouse = new Warehouse(root.resolve("warehouse"));
        IngestResult register = new Ingestor(warehouse, REFERENCE, CLOCK)
                .ingest(IngestRequest.of(Dataset.SCHOOLS, file(generated, Dataset.SCHOOLS)), IngestProgress.silent());
        assertThat(register.rejected()).isZero();
        String district = REFERENCE.districts().all().stream()
                .max(Comparator.comparingInt(
                        d -> TemplateScope.fromRegister(warehouse, REFERENCE, Optional.of(d.code()))
                                .schools()
                                .size()))
                .orElseThrow()
                .code();
        return new TemplateRoundTrip(root, generated, warehouse, district);
    }

    /** The latest generated file of a dataset. */
    static Path file(GenerationSummary generated, Dataset dataset) {
        return generated.files().stream()
                .filter(file -> file.dataset() == dataset)
                .max(Comparator.comparing(GeneratedFile::reportDate))
                .orElseThrow()
                .path();
    }

    Path file(Dataset dataset) {
        return file(generated, dataset);
    }

    TemplateScope scope() {
        return TemplateScope.fromRegister(warehouse, REFERENCE, Optional.of(district));
    }

    Path template(Dataset dataset, String name) throws IOException {
        Path file = root.resolve("templates").resolve(name);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            new UploadTemplate(REFERENCE).write(dataset, scope(), out);
        }
        return file;
    }

    /** A template of {@code dataset} filled with the district's generated rows; the number of rows. */
    int fill(Dataset dataset, Path filled) throws IOException {
        Path blank = template(dataset, dataset.directory() + "-blank.xlsx");
        return TemplateFiller.fill(blank, dataset, scope(), file(dataset), REPORT_DATE, REFERENCE, filled);
    }

    /** Ingests {@code file} as the district's clerk would upload it. */
    IngestResult ingestAsClerk(Dataset dataset, Path file) {
        return new Ingestor(warehouse, REFERENCE, CLOCK)
                .ingest(
                        new IngestRequest(
                                dataset,
                                file,
                                file.getFileName().toString(),
                                Optional.empty(),
                                new Submitter("clerk", Optional.of(district))),
                        IngestProgress.silent());
    }
}
