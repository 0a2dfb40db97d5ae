package cn.xiaoan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // locks held for their scope, not otherwise used
class WarehouseLocksTest {
    @TempDir
    Path temp;

    private final WarehouseLocks locks = WarehouseLocks.defaults();

    @Test
    void aTimedOutSecondAttemptInTheSameProcessKeepsTheHoldersLockForOtherProcesses() throws Exception {
        var warehouse = new Warehouse(temp.resolve("w"));
        var impatient = locks.waitingAtMost(Duration.ofMillis(200));
        try (var held = locks.acquire(warehouse, "build", LockWait.silent())) {
            CompletableFuture<WarehouseWrite> second = CompletableFuture.supplyAsync(
                    () -> impatient.acquire(warehouse, "ingest a.csv", LockWait.silent()));
            assertThatThrownBy(second::join).hasCauseInstanceOf(WarehouseBusyException.class);

            assertThat(LockProbe.run(warehouse, 0))
                    .startsWith("busy: ")
                    .contains("pid " + ProcessHandle.current().pid() + " (xiaoan build)");
        }
        assertThat(LockProbe.run(warehouse, 0)).startsWith("acquired");
    }

    @Test
    void recordsTheHolderWhileHeldAndForgetsItOnRelease() {
        var warehouse = new Warehouse(temp.resolve("w"));
        try (var held = locks.acquire(warehouse, "ingest ledger.csv", LockWait.silent())) {
            LockHolder holder = WarehouseLocks.holder(warehouse).orElseThrow();
            assertThat(holder.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(holder.command()).isEqualTo("xiaoan ingest ledger.csv");
        }
        assertThat(WarehouseLocks.holder(warehouse)).isEmpty();
    }

    @Test
    void aWaitingWriterHearsWhoHoldsTheLockEveryInterval() throws Exception {
        var warehouse = new Warehouse(temp.resolve("w"));
        List<String> lines = new CopyOnWriteArrayList<>();
        var reporting = locks.reportingEvery(Duration.ofMillis(50));
        CompletableFuture<Void> second;
        try (var held = locks.acquire(warehouse, "build", LockWait.silent())) {
            second = CompletableFuture.runAsync(() -> {
                try (var write = reporting.acquire(
                        warehouse, "ingest a.csv", (holder, waited) -> lines.add(LockWait.line(holder, waited)))) {
                    assertThat(write.warehouse()).isEqualTo(warehouse);
                }
            });
            Thread.sleep(400);
            assertThat(second).isNotDone();
        }
        second.get(10, TimeUnit.SECONDS);
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(0))
                .startsWith("等待仓库写锁：pid " + ProcessHandle.current().pid() + "（xiaoan build）自 ")
                .contains("waiting for the warehouse lock held by pid "
                        + ProcessHandle.current().pid() + " (xiaoan build) since ");
    }

    @Test
    void isReentrantForTheHoldingThread() {
        var warehouse = new Warehouse(temp.resolve("w"));
        try (var outer = locks.acquire(warehouse, "build", LockWait.silent())) {
            try (var inner = locks.acquire(warehouse, "gc", LockWait.silent())) {
                assertThat(WarehouseLocks.holder(warehouse).map(LockHolder::command))
                        .contains("xiaoan build");
            }
            assertThat(WarehouseLocks.holder(warehouse)).isPresent();
        }
        assertThat(WarehouseLocks.holder(warehouse)).isEmpty();
    }

    @Test
    void locksAWarehouseMadeAnewAtTheSamePath() throws Exception {
        var warehouse = new Warehouse(temp.resolve("w"));
        try (var first = locks.acquire(warehouse, "build", LockWait.silent())) {
            assertThat(warehouse.writeLock()).exists();
        }
        Files.delete(warehouse.writeLock());
        Files.delete(warehouse.root());
        try (var again = locks.acquire(warehouse, "build", LockWait.silent())) {
            assertThat(LockProbe.run(warehouse, 0)).startsWith("busy: ");
        }
    }

    @Test
    void waitsForAnotherProcessAndGivesUpNamingIt() throws Exception {
        var warehouse = new Warehouse(temp.resolve("w"));
        Process other = LockProbe.start(warehouse, 0, 3_000);
        var out = new java.io.BufferedReader(
                new java.io.InputStreamReader(other.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(out.readLine()).startsWith("acquired");
        try {
            assertThatThrownBy(() -> locks.waitingAtMost(Duration.ofMillis(300))
                            .acquire(warehouse, "ingest a.csv", LockWait.silent()))
                    .isInstanceOf(WarehouseBusyException.class)
                    .hasMessageContaining("pid " + other.pid() + " (probe probe) since ")
                    .hasMessageContaining("pid " + other.pid() + "（probe probe）自 ");

            long started = System.nanoTime();
            try (var write = locks.acquire(warehouse, "ingest a.csv", LockWait.silent())) {
                assertThat(other.isAlive()).isFalse();
                assertThat(WarehouseLocks.holder(warehouse).orElseThrow().pid())
                        .isEqualTo(ProcessHandle.current().pid());
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void theProgressLineNamesTheHolderInBothLanguages() throws Exception {
        var warehouse = new Warehouse(temp.resolve("w"));
        Files.createDirectories(warehouse.root());
        Files.writeString(warehouse.writeLockHolder(), "4242 2026-11-20T08:00:00Z xiaoan build\n");
        var other = new LockHolder(4242, "xiaoan build", java.time.Instant.parse("2026-11-20T08:00:00Z"));

        assertThat(WarehouseLocks.holder(warehouse)).isEqualTo(Optional.of(other));
        assertThat(LockWait.line(Optional.of(other), Duration.ofSeconds(5)))
                .isEqualTo("等待仓库写锁：pid 4242（xiaoan build）自 2026-11-20T08:00:00Z 起持有，已等待 5 秒"
                        + " / waiting for the warehouse lock held by pid 4242 (xiaoan build) since"
                        + " 2026-11-20T08:00:00Z, waited 5 s");
    }
}
