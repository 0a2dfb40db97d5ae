package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.LockWait;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.domain.WarehouseBusyException;
import cn.xiaoan.domain.WarehouseLocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // locks held for their scope, not otherwise used
class WarehouseSafetyTest {
    @TempDir
    Path temp;

    private IngestFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new IngestFixture(temp);
        fixture.ingestRegister();
    }

    @Test
    void theSameBytesTwiceAreAlreadyIngestedAndAddNoRows() {
        Path file = fixture.ledgerCsv("ledger.csv", Map.of(), Map.of("整改期限", "bad"));
        IngestResult first = fixture.ingest(Dataset.LEDGER, file);
        Path copy = fixture.write("renamed.csv", readAll(file));

        IngestResult second = fixture.ingest(Dataset.LEDGER, copy);

        assertThat(first.alreadyIngested()).isFalse();
        assertThat(second.alreadyIngested()).isTrue();
        assertThat(second.batchId()).isEqualTo(first.batchId());
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.accepted()).isEqualTo(1);
        assertThat(second.rejectsFile()).isEqualTo(first.rejectsFile());
        assertThat(second.summary()).contains("already ingested as batch 2");
        assertThat(fixture.query("SELECT count(*) AS n FROM ledger")).containsExactly(Map.of("n", 1L));
        assertThat(fixture.ingest(Dataset.SCHOOLS, fixture.resource("schools.csv"))
                        .alreadyIngested())
                .isTrue();
    }

    @Test
    void recordsTheHashOfTheWholeFileTakenWhileReadingIt() throws Exception {
        Path csv = fixture.ledgerCsv("ledger.csv", Map.of());
        Path json = fixture.resource("ledger.json");

        assertThat(fixture.ingest(Dataset.LEDGER, csv).sha256()).isEqualTo(sha256Of(csv));
        assertThat(fixture.ingest(Dataset.LEDGER, json).sha256()).isEqualTo(sha256Of(json));
    }

    @Test
    void recordsTheHashTakenBeforeReadingWhenAnEarlierFileHadTheSameSize() throws Exception {
        Path first = fixture.ledgerCsv("first.csv", Map.of("隐患编号", "YH-A"));
        Path second = fixture.ledgerCsv("second.csv", Map.of("隐患编号", "YH-B"));
        assertThat(Files.size(second)).isEqualTo(Files.size(first));

        fixture.ingest(Dataset.LEDGER, first);
        IngestResult result = fixture.ingest(Dataset.LEDGER, second);

        assertThat(result.alreadyIngested()).isFalse();
        assertThat(result.sha256()).isEqualTo(sha256Of(second));
    }

    @Test
    void hashesFirstWhenAnEarlierBatchHasNoRecordedSize() throws Exception {
        Path file = fixture.ledgerCsv("ledger.csv", Map.of());
        IngestResult first = fixture.ingest(Dataset.LEDGER, file);
        Path manifest = fixture.warehouse.manifest(first.batchId());
        Files.writeString(manifest, Files.readString(manifest).replaceAll("\"file_bytes\" : \\d+,", ""));

        IngestResult again = fixture.ingest(Dataset.LEDGER, fixture.write("again.csv", readAll(file)));

        assertThat(Files.readString(manifest)).doesNotContain("file_bytes");
        assertThat(again.alreadyIngested()).isTrue();
        assertThat(again.batchId()).isEqualTo(first.batchId());
    }

    private static String sha256Of(Path file) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void batchIdsAreSequentialInIngestOrder() {
        IngestResult a = fixture.ingest(Dataset.LEDGER, fixture.ledgerCsv("a.csv", Map.of()));
        IngestResult b = fixture.ingest(Dataset.DRILLS, fixture.resource("drills.csv"));
        IngestResult c =
                fixture.ingest(Dataset.LEDGER, fixture.ledgerCsv("c.csv", Map.of("整改状态", "已销号", "销号日期", "2024-03-16")));

        assertThat(new long[] {a.batchId(), b.batchId(), c.batchId()}).containsExactly(2, 3, 4);
        assertThat(fixture.warehouse.rawBatch(Dataset.LEDGER, 4).resolve("part-0.parquet"))
                .isRegularFile();
        assertThat(fixture.warehouse.manifest(3)).isRegularFile();
    }

    @Test
    void aSecondWriterGivesUpAfterItsPatienceNamingTheHolder() throws Exception {
        Path file = fixture.ledgerCsv("ledger.csv", Map.of());
        var impatient = new Ingestor(
                fixture.warehouse,
                IngestFixture.REFERENCE,
                WarehouseLocks.defaults().waitingAtMost(Duration.ofMillis(300)));
        try (var held = WarehouseLocks.defaults().acquire(fixture.warehouse, "build", LockWait.silent())) {
            CompletableFuture<IngestResult> second = CompletableFuture.supplyAsync(
                    () -> impatient.ingest(IngestRequest.of(Dataset.LEDGER, file), IngestProgress.silent()));

            assertThatThrownBy(second::join)
                    .hasCauseInstanceOf(WarehouseBusyException.class)
                    .cause()
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("xiaoan build")
                    .hasMessageContaining("Cannot ingest ledger.csv: the write lock of " + fixture.warehouse.root())
                    .hasMessageContaining("nothing was written");
        }
        assertThat(fixture.ingest(Dataset.LEDGER, file).accepted()).isEqualTo(1);
    }

    @Test
    void anUnreadableManifestIsQuarantinedAndEverythingElseGoesOn() throws Exception {
        IngestResult earlier = fixture.ingest(Dataset.LEDGER, fixture.ledgerCsv("a.csv", Map.of()));
        Path broken = fixture.warehouse.manifest(earlier.batchId());
        Files.writeString(broken, "{ \"format_version\" : 1, \"batch_id\" :"); // cut short by a disk fault

        assertThat(new BatchHistory(fixture.warehouse).list())
                .extracting(BatchRecord::batchId)
                .containsExactly(1L);
        assertThat(new BatchHistory(fixture.warehouse).find(earlier.batchId())).isEmpty();
        IngestResult next =
                fixture.ingest(Dataset.LEDGER, fixture.ledgerCsv("b.csv", Map.of("整改状态", "已销号", "销号日期", "2024-03-16")));

        assertThat(next.alreadyIngested()).isFalse();
        assertThat(next.batchId()).as("never reuses the quarantined id").isEqualTo(earlier.batchId() + 1);
        Path quarantined = fixture.warehouse.quarantine().resolve("batch-" + Warehouse.batchName(earlier.batchId()));
        assertThat(quarantined.resolve(broken.getFileName())).exists();
        assertThat(quarantined.resolve("raw-ledger").resolve("batch=" + Warehouse.batchName(earlier.batchId())))
                .isDirectory();
        assertThat(quarantined.resolve("NOTE.txt"))
                .content(StandardCharsets.UTF_8)
                .contains("batch " + earlier.batchId() + " quarantined: " + broken)
                .contains("批次 " + earlier.batchId() + " 已隔离");
        assertThat(fixture.warehouse.rawBatch(Dataset.LEDGER, earlier.batchId()))
                .doesNotExist();
        assertThat(new BatchHistory(fixture.warehouse).list())
                .extracting(BatchRecord::batchId)
                .containsExactly(next.batchId(), 1L);
    }

    @Test
    void aSecondWriterWaitsForTheFirstInsteadOfFailing() throws Exception {
        Path file = fixture.ledgerCsv("ledger.csv", Map.of());
        CompletableFuture<IngestResult> second;
        try (var held = WarehouseLocks.defaults().acquire(fixture.warehouse, "build", LockWait.silent())) {
            second = CompletableFuture.supplyAsync(() -> fixture.ingest(Dataset.LEDGER, file));
            Thread.sleep(300);
            assertThat(second).isNotDone();
        }
        assertThat(second.get(30, TimeUnit.SECONDS).accepted()).isEqualTo(1);
    }

    @Test
    void leftoversOfAnInterruptedIngestAreInvisibleAndCleanedUp() throws Exception {
        Path raw = fixture.warehouse.raw(Dataset.LEDGER);
        Path staging = raw.resolve(".batch=000002.tmp");
        Files.createDirectories(staging);
        Files.writeString(staging.resolve("part-0.parquet"), "half written");
        Path orphan = fixture.warehouse.rawBatch(Dataset.LEDGER, 2);
        Files.createDirectories(orphan);
        // A complete batch whose manifest was never written: copy the register batch's Parquet.
        Files.copy(
                fixture.warehouse.rawBatch(Dataset.SCHOOLS, 1).resolve("part-0.parquet"),
                orphan.resolve("part-0.parquet"));
        Path orphanRejects = fixture.warehouse.rejects(Dataset.LEDGER, 2);
        Files.createDirectories(orphanRejects.getParent());
        Files.writeString(orphanRejects, "file,sheet\n");
        Path halfManifest = fixture.warehouse.manifestDirectory().resolve(".batch-000002.json.tmp");
        Files.writeString(halfManifest, "{");

        IngestResult result = fixture.ingest(Dataset.LEDGER, fixture.ledgerCsv("ledger.csv", Map.of()));

        assertThat(result.batchId()).isEqualTo(2);
        assertThat(staging).doesNotExist();
        assertThat(halfManifest).doesNotExist();
        assertThat(result.rejectsFile()).isEmpty();
        assertThat(orphanRejects).doesNotExist();
        assertThat(fixture.query("SELECT hazard_id FROM ledger")).containsExactly(Map.of("hazard_id", "YH-1"));
        try (var files = Files.list(raw)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("batch=000002");
        }
    }

    @Test
    void anUnreadableFileWritesNothing() {
        Path file = fixture.write("ledger.csv", "学校标识码,隐患描述\n1409020001,灭火器过期\n");

        assertThatThrownBy(() -> fixture.ingest(Dataset.LEDGER, file)).isInstanceOf(UnreadableFileException.class);

        assertThat(fixture.warehouse.raw(Dataset.LEDGER)).doesNotExist();
        assertThat(fixture.warehouse.manifest(2)).doesNotExist();
        assertThat(fixture.ingest(Dataset.LEDGER, fixture.ledgerCsv("good.csv", Map.of()))
                        .batchId())
                .isEqualTo(2);
    }

    @Test
    void reportsProgress() {
        var seen = new java.util.ArrayList<Long>();
        var rows = new java.util.ArrayList<Map<String, String>>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(Map.of("隐患编号", "P-" + i));
        }
        Path file = fixture.ledgerCsv("big.csv", rows);

        IngestResult result = fixture.ingestor.ingest(IngestRequest.of(Dataset.LEDGER, file), seen::add);

        assertThat(result.accepted()).isEqualTo(10_000);
        assertThat(seen).containsExactly(8192L, 10_000L);
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
