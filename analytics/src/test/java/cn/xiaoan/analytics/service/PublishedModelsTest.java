package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.fixture.RawHazard;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.SliceFixture;
import cn.xiaoan.analytics.publish.ModelFiles;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.analytics.serving.ServingDatabase;
import cn.xiaoan.analytics.serving.ServingModel;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version published while another is served opens beside it: requests are answered from the served one until the
 * new one is ready (opening takes ≈ 30 s at 10M hazards), unless it opens within the publish wait.
 */
class PublishedModelsTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private Warehouse warehouse;
    private ServingDatabase database;
    private final List<String> switches = new CopyOnWriteArrayList<>();
    private int ledgers = 7;

    @BeforeEach
    void publishVersionOne() {
        warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        database = new ServingDatabase();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a request waiting for the opening would wait for ever
    void answersFromTheServedVersionWhileANewlyPublishedOneIsStillOpening() throws InterruptedException {
        try (var models = models(Duration.ZERO)) {
            assertThat(version(models)).isEqualTo(1);
            publishNextVersion();

            // opening a version takes the database's lock to begin: held here, the opening cannot get past it
            synchronized (database) {
                assertThat(version(models)).isEqualTo(1);
                assertThat(version(models)).isEqualTo(1);
            }

            assertThat(eventualVersion(models, 2)).isEqualTo(2);
            assertThat(switches).containsExactly("→ 1", "1 → 2");
        }
    }

    @Test
    void waitsForANewlyPublishedVersionThatOpensWithinThePublishWait() {
        try (var models = models(Duration.ofMinutes(1))) {
            assertThat(version(models)).isEqualTo(1);
            publishNextVersion();

            assertThat(version(models)).isEqualTo(2);
            assertThat(switches).containsExactly("→ 1", "1 → 2");
        }
    }

    @Test
    void reportsAVersionThatCannotOpenAndTriesAgainOnTheNextRequest() throws Exception {
        try (var models = models(Duration.ofMinutes(1))) {
            assertThat(version(models)).isEqualTo(1);
            publishNextVersion();
            Path facts = ModelFiles.location(warehouse.model(2), ModelTable.HAZARD_FACTS);
            Path aside = facts.resolveSibling("aside");
            Files.move(facts, aside);

            assertThatThrownBy(models::current).hasMessageContaining("is missing");
            assertThatThrownBy(models::current).hasMessageContaining("is missing");

            Files.move(aside, facts);
            assertThat(version(models)).isEqualTo(2);
            assertThat(switches).containsExactly("→ 1", "1 → 2");
        }
    }

    private PublishedModels models(Duration publishWait) {
        return new PublishedModels(
                warehouse,
                database,
                publishWait,
                (previous, model) ->
                        switches.add((previous == null ? "" : previous.version().version() + " ") + "→ "
                                + model.version().version()));
    }

    private static long version(PublishedModels models) {
        return models.current().map(ServingModel::version).orElseThrow().version();
    }

    private static long eventualVersion(PublishedModels models, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long version = version(models);
        while (version != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            version = version(models);
        }
        return version;
    }

    /** A later ledger reports H1 rectified, and the next version is built and published. */
    private void publishNextVersion() {
        new RawWarehouseFixture(warehouse)
                .ledger(
                        ledgers++,
                        "2026-10-15",
                        List.of(RawHazard.open("H1", SliceFixture.A1, "FIRE", "MAJOR", "2026-03-01", "2026-04-01")
                                .rectifiedOn("2026-06-10")));
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
    }
}
