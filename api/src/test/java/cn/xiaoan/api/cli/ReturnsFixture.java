package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.XiaoanCommand;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated returns (the project's deterministic generator: 60 schools, seven ledger snapshots and the other
 * datasets) and the xiaoan commands that write them into a warehouse, for the multi-process tests.
 */
final class ReturnsFixture {
    static final List<String> LEDGER_DATES =
            List.of("2023-12-31", "2024-06-30", "2024-12-31", "2025-06-30", "2025-12-31", "2026-06-30", "2026-10-31");
    static final List<String> OTHERS = List.of("inspections", "surveys", "drills");
    /** The register, the ledgers and the other datasets. */
    static final int BATCHES = 1 + LEDGER_DATES.size() + OTHERS.size();

    private final Components components = Components.fromEnvironment(Map.of());
    private final Path data;

    ReturnsFixture(Path data, int hazards) {
        this.data = data;
        run(List.of(
                "generate",
                "--out",
                data.toString(),
                "--schools",
                "60",
                "--hazards",
                Integer.toString(hazards),
                "--seed",
                "17",
                "--formats",
                "csv"));
    }

    void run(List<String> command) {
        assertThat(XiaoanCommand.commandLine(components).execute(command.toArray(String[]::new)))
                .as("%s", command)
                .isZero();
    }

    void ingestRegister(Warehouse warehouse) {
        run(ingest(warehouse, "schools", "2023-01-01", data.resolve("schools.csv")));
    }

    /** Every ingest of the returns but the register, in an order {@code random} shuffles. */
    List<List<String>> ingests(Warehouse warehouse, Random random) {
        var writes = new ArrayList<List<String>>();
        for (String date : LEDGER_DATES) {
            writes.add(ingest(warehouse, "ledger", date, data.resolve("ledger-" + date + ".csv")));
        }
        for (String dataset : OTHERS) {
            writes.add(ingest(warehouse, dataset, "2026-10-31", data.resolve(dataset + ".csv")));
        }
        Collections.shuffle(writes, random);
        return writes;
    }

    /** {@link #ingests} with a build after every third and at the end. */
    List<List<String>> ingestsAndBuilds(Warehouse warehouse, Random random) {
        List<List<String>> writes = ingests(warehouse, random);
        for (int i = writes.size(); i > 0; i -= 3) {
            writes.add(i, build(warehouse));
        }
        return writes;
    }

    static List<String> build(Warehouse warehouse) {
        return List.of("build", "--warehouse", warehouse.root().toString());
    }

    static List<String> ingest(Warehouse warehouse, String dataset, String reportDate, Path file) {
        return List.of(
                "ingest",
                "--warehouse",
                warehouse.root().toString(),
                "--dataset",
                dataset,
                "--report-date",
                reportDate,
                file.toString());
    }

    /** Writes everything serially in this process and builds: the state every other run must reach. */
    Map<String, String> serialModel(Warehouse warehouse) throws Exception {
        ingestRegister(warehouse);
        ingests(warehouse, new Random(0)).forEach(this::run);
        run(build(warehouse));
        return WarehouseState.model(warehouse);
    }
}
