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
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the generator writes, in every format, is what ingest accepts: no row rejected, every row kept, same data. */
class GeneratedReturnsIngestTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();

    @TempDir
    static Path root;

    private static GenerationSummary generated;

    @BeforeAll
    static void generate() throws Exception {
        generated = new Generator(REFERENCE)
                .generate(
                        new GeneratorOptions(
                                root.resolve("generated"), 90, 4_000, 11, EnumSet.allOf(OutputFormat.class)),
                        GeneratorProgress.silent());
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void ingestsEveryGeneratedDatasetWithoutRejectingARow(OutputFormat format) {
        var warehouse = new Warehouse(root.resolve("warehouse-" + format));
        List<IngestResult> results = ingestAll(warehouse, format);

        assertThat(results).extracting(IngestResult::dataset).containsAll(EnumSet.allOf(Dataset.class));
        for (IngestResult result : results) {
            assertThat(result.rejected()).as(result.summary()).isZero();
            assertThat(result.accepted()).as(result.summary()).isEqualTo(result.read());
        }
    }

    @Test
    void everyFormatYieldsTheSameLedgerRows() throws Exception {
        List<String> fingerprints = new ArrayList<>();
        for (OutputFormat format : OutputFormat.values()) {
            var warehouse = new Warehouse(root.resolve("same-" + format));
            ingestAll(warehouse, format);
            fingerprints.add(ledgerFingerprint(warehouse));
        }
        assertThat(fingerprints).hasSize(3).allSatisfy(print -> assertThat(print)
                .isEqualTo(fingerprints.get(0)));
    }

    private static List<IngestResult> ingestAll(Warehouse warehouse, OutputFormat format) {
        var ingestor = new Ingestor(warehouse, REFERENCE);
        var results = new ArrayList<IngestResult>();
        for (GeneratedFile file : generated.files()) {
            if (file.format() != format) {
                continue;
            }
            results.add(ingestor.ingest(
                    new IngestRequest(
                            file.dataset(),
                            file.path(),
                            file.path().getFileName().toString(),
                            Optional.ofNullable(file.reportDate())
                                    .or(() -> Optional.of(java.time.LocalDate.of(2026, 10, 31)))),
                    IngestProgress.silent()));
        }
        return results;
    }

    /** Every ledger value that ingest normalises, as one ordered text; equal texts mean equal data. */
    private static String ledgerFingerprint(Warehouse warehouse) throws Exception {
        String files = warehouse.raw(Dataset.LEDGER).toString().replace("'", "''") + "/batch=*/*.parquet";
        try (var connection = DriverManager.getConnection("jdbc:duckdb:");
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT count(*), md5(string_agg(concat_ws('|', report_date,"
                        + " hazard_id, school_code, found_date, inspection_type, inspector, category, location,"
                        + " description, severity, measures, temporary_measures, responsible_person, deadline, status,"
                        + " rectified_date, closed_date, basis), '\\n' ORDER BY report_date, hazard_id))"
                        + " FROM read_parquet('" + files + "', hive_partitioning = false)")) {
            result.next();
            return result.getLong(1) + " rows, " + result.getString(2);
        }
    }
}
