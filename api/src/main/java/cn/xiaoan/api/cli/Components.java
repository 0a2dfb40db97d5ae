package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.build.KnownModelCache;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.campaign.CampaignCatalog;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.serving.ServingLimits;
import cn.xiaoan.api.auth.PasswordHasher;
import cn.xiaoan.api.auth.UserStore;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.domain.WarehouseLocks;
import cn.xiaoan.ingest.SchoolMoves;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/** The composition root: the one place where the process's shared parts are made and wired. */
public final class Components implements AutoCloseable {
    private final ReferenceData reference;
    private final Path home;
    private final Path defaultWarehouse;
    private final Clock clock;
    private final ObjectMapper json;
    private final WarehouseLocks locks = new WarehouseLocks("xiaoan", WarehouseLocks.DEFAULT_PATIENCE);
    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    Components(ReferenceData reference, Path home, Path defaultWarehouse, Clock clock) {
        this.reference = reference;
        this.home = home;
        this.defaultWarehouse = defaultWarehouse;
        this.clock = clock;
        this.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * Reads {@code XIAOAN_HOME} (set by bin/xiaoan to the project directory) and {@code XIAOAN_WAREHOUSE}; the
     * default warehouse is {@code data/warehouse} under the home, or under the working directory without one.
     */
    public static Components fromEnvironment(Map<String, String> environment) {
        Path home = Path.of(environment.getOrDefault("XIAOAN_HOME", "."))
                .toAbsolutePath()
                .normalize();
        String warehouse = environment.get("XIAOAN_WAREHOUSE");
        Path defaultWarehouse = warehouse == null || warehouse.isBlank()
                ? home.resolve("data").resolve("warehouse")
                : Path.of(warehouse);
        return new Components(ReferenceData.load(), home, defaultWarehouse, Clock.systemDefaultZone());
    }

    public ReferenceData reference() {
        return reference;
    }

    /** The shipped campaigns (data/campaigns), read and validated: a bad file stops the command with every problem. */
    public CampaignCatalog campaigns() {
        return CampaignCatalog.load(reference);
    }

    /** The project directory; demo data lives below it. */
    public Path home() {
        return home;
    }

    public Warehouse warehouse(Path override) {
        return new Warehouse(override != null ? override : defaultWarehouse);
    }

    /** The users and API tokens of a warehouse ({@code security/users.json}). */
    public UserStore users(Warehouse warehouse) {
        return new UserStore(warehouse.root().resolve("security").resolve("users.json"), new PasswordHasher(), clock);
    }

    /** The school moves of a warehouse (city-level: the caller decides who may move). */
    public SchoolMoves schoolMoves(Warehouse warehouse) {
        return new SchoolMoves(warehouse, reference, clock, locks);
    }

    /**
     * The figures of a warehouse, answering known-at / reported-by questions too: their models are built on demand
     * into the warehouse's bounded cache ({@link KnownModelCache}, DuckDB engine, no writer lock).
     */
    public FigureService figures(Warehouse warehouse, ServingLimits limits) {
        var builder = new ModelBuilder(warehouse, reference, clock);
        return new FigureService(warehouse, reference, clock, limits, new KnownModelCache(warehouse, builder, clock));
    }

    /** As {@link #figures(Warehouse, ServingLimits)} with the default limits (command-line questions). */
    public FigureService figures(Warehouse warehouse) {
        return figures(warehouse, ServingLimits.defaults());
    }

    /** The warehouse write locks of this process (commands narrow the patience with their {@code --wait}). */
    public WarehouseLocks locks() {
        return locks;
    }

    public Clock clock() {
        return clock;
    }

    public ObjectMapper json() {
        return json;
    }

    /**
     * Keeps a long-running resource (a server) open after its command returns; {@link #close()} (the JVM's shutdown
     * hook, or a test) closes such resources in reverse order.
     */
    public synchronized void keepRunning(AutoCloseable resource) {
        running.push(resource);
    }

    public synchronized boolean keepsRunning() {
        return !running.isEmpty();
    }

    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("xiaoan: could not stop cleanly: " + e.getMessage());
            }
        }
    }
}
