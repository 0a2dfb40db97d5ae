package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.BatchHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: real ingest and build processes are killed with SIGKILL ({@link Process#destroyForcibly()}) at
 * seeded random moments of their run. After every kill the warehouse must open (batch list and published model
 * readable), the next command of the same kind must clean what the killed one left and finish, and once every file
 * is in, the warehouse must hold exactly what an uninterrupted serial run holds (then the next warehouse starts).
 */
class CrashSafetyIT {
    private static final int KILLS = 32;

    private enum Kind {
        INGEST,
        BUILD
    }

    @TempDir
    Path temp;

    @Test
    void killedIngestsAndBuildsLoseNothingAndCorruptNothing() throws Exception {
        var returns = new ReturnsFixture(temp.resolve("data"), 3_000);
        Map<String, String> serial = returns.serialModel(new Warehouse(temp.resolve("serial")));
        var random = new Random(17_2026);
        int epoch = 1;
        Warehouse warehouse = freshWarehouse(returns, epoch);
        List<List<String>> pending = returns.ingests(warehouse, random);
        Map<Kind, Long> runMillis = new EnumMap<>(Kind.class);
        runMillis.put(Kind.INGEST, timedRun(pending.remove(0), temp.resolve("calibrate-ingest.log")));
        runMillis.put(Kind.BUILD, timedRun(ReturnsFixture.build(warehouse), temp.resolve("calibrate-build.log")));
        Map<Kind, Integer> kills = new EnumMap<>(Map.of(Kind.INGEST, 0, Kind.BUILD, 0));
        Map<Kind, Integer> debris = new EnumMap<>(Map.of(Kind.INGEST, 0, Kind.BUILD, 0));
        int finished = 0;
        int attempt = 0;
        while (kills.values().stream().mapToInt(Integer::intValue).sum() < KILLS) {
            if (pending.isEmpty()) { // every file is in: this warehouse must equal the serial run; start another
                assertReachedTheSerialState(returns, warehouse, serial);
                warehouse = freshWarehouse(returns, ++epoch);
                pending = returns.ingests(warehouse, random);
            }
            attempt++;
            Kind kind = random.nextBoolean() ? Kind.INGEST : Kind.BUILD;
            List<String> command = kind == Kind.BUILD ? ReturnsFixture.build(warehouse) : pending.get(0);
            Path log = temp.resolve("attempt-" + attempt + ".log");
            Process process = WriterScript.start(List.of(command), log);
            long at;
            if (random.nextBoolean()) {
                // Any moment from late start-up to just past the usual end of the run.
                at = (long) (runMillis.get(kind) * (0.4 + 0.75 * random.nextDouble()));
            } else {
                // Within the write itself, which lasts only tens of milliseconds of a run of seconds: once the
                // staging directory appears, 0–40 ms on (writing parts, renaming, writing the manifest, publishing).
                at = untilStaging(process, warehouse, kind) + random.nextInt(40);
            }
            boolean ended = process.waitFor(Math.max(0, at - millisSince(process)), TimeUnit.MILLISECONDS);
            if (ended) {
                assertThat(process.exitValue()).as(Files.readString(log)).isZero();
                finished++;
            } else {
                process.destroyForcibly();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                kills.merge(kind, 1, Integer::sum);
                assertOpens(warehouse);
                if (!WarehouseState.leftovers(warehouse).isEmpty()) {
                    debris.merge(kind, 1, Integer::sum);
                }
                returns.run(command); // the next command of the kind cleans up after the killed one and finishes
                List<Path> leftovers = WarehouseState.leftovers(warehouse);
                if (kind == Kind.INGEST) {
                    Path models = warehouse.models();
                    leftovers.removeIf(path -> path.startsWith(models));
                }
                assertThat(leftovers)
                        .as("after killing %s at %d ms", command, at)
                        .isEmpty();
                assertOpens(warehouse);
            }
            if (kind == Kind.INGEST) {
                pending.remove(0);
            }
        }
        assertReachedTheSerialState(returns, warehouse, serial);

        assertThat(kills.get(Kind.INGEST)).as("ingests killed").isGreaterThanOrEqualTo(8);
        assertThat(kills.get(Kind.BUILD)).as("builds killed").isGreaterThanOrEqualTo(8);
        assertThat(debris.get(Kind.BUILD)).as("builds killed while writing").isPositive();
        assertThat(debris.get(Kind.INGEST)).as("ingests killed while writing").isPositive();
        System.out.printf(
                "CrashSafetyIT: %d kills (%s), %s of them left debris that the next run removed, %d runs ended before"
                        + " their kill, %d warehouses, calibrated run times %s ms%n",
                KILLS, kills, debris, finished, epoch, runMillis);
    }

    private Warehouse freshWarehouse(ReturnsFixture returns, int epoch) {
        Warehouse warehouse = new Warehouse(temp.resolve("killed-" + epoch));
        returns.ingestRegister(warehouse);
        return warehouse;
    }

    /** Whatever is still missing written without kills: exactly the batches and model of the serial run. */
    private static void assertReachedTheSerialState(
            ReturnsFixture returns, Warehouse warehouse, Map<String, String> serial) throws Exception {
        returns.ingests(warehouse, new Random(1)).forEach(returns::run);
        returns.run(ReturnsFixture.build(warehouse));
        WarehouseState.assertEveryRowOnce(warehouse, ReturnsFixture.BATCHES);
        assertThat(WarehouseState.leftovers(warehouse)).isEmpty();
        assertThat(WarehouseState.model(warehouse)).isEqualTo(serial);
    }

    /** Milliseconds since the process started when its staging directory appeared (or it ended). */
    private static long untilStaging(Process process, Warehouse warehouse, Kind kind) throws Exception {
        List<Path> directories = kind == Kind.BUILD
                ? List.of(warehouse.models())
                : Stream.of(Dataset.values()).map(warehouse::raw).toList();
        String prefix = kind == Kind.BUILD ? ".v=" : ".batch=";
        while (process.isAlive() && !staging(directories, prefix)) {
            Thread.sleep(1);
        }
        return millisSince(process);
    }

    private static boolean staging(List<Path> directories, String prefix) throws java.io.IOException {
        for (Path directory : directories) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> entries = Files.list(directory)) {
                    if (entries.anyMatch(path -> path.getFileName().toString().startsWith(prefix))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static long millisSince(Process process) {
        return process.info()
                .startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now())
                        .toMillis())
                .orElse(0L);
    }

    private long timedRun(List<String> command, Path log) throws Exception {
        long started = System.nanoTime();
        Process process = WriterScript.start(List.of(command), log);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** The batch list reads, and so does every table of the published model if there is one. */
    private static void assertOpens(Warehouse warehouse) throws Exception {
        assertThat(new BatchHistory(warehouse).list()).isNotEmpty();
        if (Files.exists(warehouse.currentModelPointer())) {
            assertThat(WarehouseState.model(warehouse)).containsKey("current_hazards.parquet");
        }
    }
}
