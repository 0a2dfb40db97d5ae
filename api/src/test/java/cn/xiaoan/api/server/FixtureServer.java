package cn.xiaoan.api.server;

import cn.xiaoan.analytics.FigureService;
import cn.xiaoan.analytics.ModelBuilder;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.ReferenceGridFixture;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The real server on a loopback port over a fixture warehouse; closing it stops the server and the figures. */
final class FixtureServer implements AutoCloseable {
    static final ReferenceData REFERENCE = ReferenceData.load();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    private final FigureService figures;
    private final XiaoanServer server;

    private FixtureServer(Warehouse warehouse) {
        this.figures = new FigureService(warehouse, REFERENCE, CLOCK);
        this.server = new XiaoanServer(new ServerSettings("127.0.0.1", 0), figures).start();
    }

    /** Every district × category has hazards (see {@link ReferenceGridFixture}); the model is built. */
    static FixtureServer withReferenceGrid(Path root) {
        var warehouse = new Warehouse(root);
        ReferenceGridFixture.write(new RawWarehouseFixture(warehouse), REFERENCE);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        return new FixtureServer(warehouse);
    }

    /** A warehouse where nothing has been built yet. */
    static FixtureServer withoutModel(Path root) {
        return new FixtureServer(new Warehouse(root));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Override
    public void close() {
        try (figures) {
            server.close();
        }
    }
}
