package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two separate JVMs ingest the same files and build the same warehouse at once, round after round: the warehouse
 * lock must make every accepted row count exactly once, batch ids unique, and the model equal to a serial run's.
 */
class ConcurrentWritersIT {
    private static final int ROUNDS = 4;

    @TempDir
    Path temp;

    @Test
    void twoProcessesIngestingAndBuildingAtOnceCountEveryRowOnceAndBuildTheSerialModel() throws Exception {
        var returns = new ReturnsFixture(temp.resolve("data"), 3_000);
        Map<String, String> serial = returns.serialModel(new Warehouse(temp.resolve("serial")));
        var random = new Random(20261120);
        for (int round = 1; round <= ROUNDS; round++) {
            Warehouse warehouse = new Warehouse(temp.resolve("round-" + round));
            returns.ingestRegister(warehouse);
            // Both processes write every file, in different orders, with builds in between.
            Path firstLog = temp.resolve(round + "-a.log");
            Path secondLog = temp.resolve(round + "-b.log");
            Process first = WriterScript.start(returns.ingestsAndBuilds(warehouse, random), firstLog);
            Process second = WriterScript.start(returns.ingestsAndBuilds(warehouse, random), secondLog);
            assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as(Files.readString(firstLog)).isZero();
            assertThat(second.exitValue()).as(Files.readString(secondLog)).isZero();

            WarehouseState.assertEveryRowOnce(warehouse, ReturnsFixture.BATCHES);
            assertThat(WarehouseState.leftovers(warehouse)).isEmpty();
            assertThat(WarehouseState.model(warehouse)).as("round %d", round).isEqualTo(serial);
        }
    }
}
