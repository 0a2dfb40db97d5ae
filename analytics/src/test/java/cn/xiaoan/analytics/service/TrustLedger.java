package cn.xiaoan.analytics.service;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.IngestProgress;
import cn.xiaoan.ingest.IngestRequest;
import cn.xiaoan.ingest.Ingestor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A hand-made ledger of {@code src/test/resources/trust/<name>/}: the register {@code trust/schools.csv}, then each
 * {@code <report date>.csv} of the directory ingested in date order, and the model built over them.
 */
public final class TrustLedger {
    public static final ReferenceData REFERENCE = ReferenceData.load();
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-03T00:00:00Z"), ZoneOffset.UTC);
    public static final String SCHOOL_A = "1409020001";
    public static final String SCHOOL_B = "1409020002";

    private final Warehouse warehouse;
    private final Map<String, Long> batches;

    private TrustLedger(Warehouse warehouse, Map<String, Long> batches) {
        this.warehouse = warehouse;
        this.batches = batches;
    }

    public static TrustLedger load(String name, Path root) {
        Path fixtures = resource("trust", root);
        var warehouse = new Warehouse(root.resolve("warehouse"));
        ingest(warehouse, Dataset.SCHOOLS, fixtures.resolve("schools.csv"), "2026-01-01");
        var batches = new LinkedHashMap<String, Long>();
        try (Stream<Path> files = Files.list(fixtures.resolve(name))) {
            for (Path file : files.sorted().toList()) {
                String reportDate = file.getFileName().toString().replace(".csv", "");
                batches.put(reportDate, ingest(warehouse, Dataset.LEDGER, file, reportDate));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        return new TrustLedger(warehouse, batches);
    }

    public FigureService figures() {
        return new FigureService(warehouse, REFERENCE, CLOCK);
    }

    /** The batch of the snapshot reported on the date. */
    public long batch(String reportDate) {
        return batches.get(reportDate);
    }

    private static long ingest(Warehouse warehouse, Dataset dataset, Path file, String reportDate) {
        return new Ingestor(warehouse, REFERENCE, CLOCK)
                .ingest(
                        new IngestRequest(
                                dataset, file, file.getFileName().toString(), Optional.of(LocalDate.parse(reportDate))),
                        IngestProgress.silent())
                .batchId();
    }

    /** The fixture directory; copied under {@code root} when it sits in a jar (the api tests read the test jar). */
    private static Path resource(String name, Path root) {
        try {
            URI uri = TrustLedger.class.getResource("/" + name).toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                Path source = jar.provider().getPath(uri);
                Path target = root.resolve("fixtures");
                try (Stream<Path> all = Files.walk(source)) {
                    for (Path path : all.toList()) {
                        Path copy = target.resolve(source.relativize(path).toString());
                        if (Files.isDirectory(path)) {
                            Files.createDirectories(copy);
                        } else {
                            Files.copy(path, copy);
                        }
                    }
                }
                return target;
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot read the fixtures " + name + ": " + e.getMessage(), e);
        }
    }
}
