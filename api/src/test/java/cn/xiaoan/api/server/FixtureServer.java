package cn.xiaoan.api.server;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.ReferenceGridFixture;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.sql.AnalystSql;
import cn.xiaoan.api.auth.PasswordHasher;
import cn.xiaoan.api.auth.Role;
import cn.xiaoan.api.auth.Scope;
import cn.xiaoan.api.auth.SessionStore;
import cn.xiaoan.api.auth.UserStore;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real server on a loopback port over a fixture warehouse; closing it stops the server and the figures. */
final class FixtureServer implements AutoCloseable {
    static final ReferenceData REFERENCE = ReferenceData.load();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    /** Every fixture user's password (they are test accounts of a temporary warehouse). */
    static final String PASSWORD = "correct horse battery";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FigureService figures;
    private final XiaoanServer server;
    private final UserStore users;
    private final AnalystSql analystSql;
    private final Map<String, String> tokens = new HashMap<>();

    private final Warehouse warehouse;

    private FixtureServer(Warehouse warehouse, ServerLimits limits) {
        this.warehouse = warehouse;
        // known-at questions build their models as the real server does (Components.figures)
        this.figures = new FigureService(
                warehouse,
                REFERENCE,
                CLOCK,
                cn.xiaoan.analytics.serving.ServingLimits.defaults(),
                new cn.xiaoan.analytics.build.KnownModelCache(
                        warehouse, new ModelBuilder(warehouse, REFERENCE, CLOCK), java.time.Clock.systemUTC()));
        this.users =
                new UserStore(warehouse.root().resolve("security").resolve("users.json"), new PasswordHasher(), CLOCK);
        addUser("admin", Role.ADMIN, Scope.city());
        addUser("leader", Role.LEADER, Scope.city());
        addUser("analyst", Role.ANALYST, Scope.city());
        addUser("clerk", Role.CLERK, Scope.city());
        addUser("xinfu", Role.LEADER, Scope.district("140902"));
        addUser("xinfu-clerk", Role.CLERK, Scope.district("140902"));
        this.analystSql = new AnalystSql(warehouse, REFERENCE, CLOCK);
        this.server = new XiaoanServer(
                        new ServerSettings("127.0.0.1", 0, limits),
                        new ServerServices(
                                warehouse, REFERENCE, figures, analystSql, users, new SessionStore(CLOCK), CLOCK))
                .start();
    }

    private void addUser(String name, Role role, Scope scope) {
        users.add(name, role, scope, Optional.of(PASSWORD));
        tokens.put(name, users.issueToken(name, "tests"));
    }

    /**
     * An API token of a fixture user: admin, leader, analyst, clerk (city), xinfu (a 忻府区 leader) or xinfu-clerk (a
     * 忻府区 clerk).
     */
    String token(String user) {
        return tokens.get(user);
    }

    UserStore users() {
        return users;
    }

    /** Every district × category has hazards (see {@link ReferenceGridFixture}); the model is built. */
    static FixtureServer withReferenceGrid(Path root) {
        var warehouse = new Warehouse(root);
        ReferenceGridFixture.write(new RawWarehouseFixture(warehouse), REFERENCE);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        return new FixtureServer(warehouse, ServerLimits.defaults());
    }

    /** The reference grid served with other limits (e.g. a small upload cap). */
    static FixtureServer withReferenceGrid(Path root, ServerLimits limits) {
        var warehouse = new Warehouse(root);
        ReferenceGridFixture.write(new RawWarehouseFixture(warehouse), REFERENCE);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        return new FixtureServer(warehouse, limits);
    }

    /** The reference grid with more raw batches written by {@code more} (ids above 2), the model built over all. */
    static FixtureServer withReferenceGrid(Path root, java.util.function.Consumer<RawWarehouseFixture> more) {
        var warehouse = new Warehouse(root);
        var raw = new RawWarehouseFixture(warehouse);
        ReferenceGridFixture.write(raw, REFERENCE);
        more.accept(raw);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        return new FixtureServer(warehouse, ServerLimits.defaults());
    }

    /**
     * A campaign's generated data ({@code generate --campaign}, as of the fixture clock's day), ingested in the order
     * of its {@code generated.json} and built: supervision groups, returns (nil ones included) and goals to show.
     */
    static FixtureServer withCampaign(Path root, String campaignId) throws IOException {
        var warehouse = new Warehouse(root.resolve("warehouse"));
        var campaign = cn.xiaoan.analytics.campaign.CampaignCatalog.load(REFERENCE)
                .byId(campaignId)
                .orElseThrow();
        Path out = root.resolve("generated");
        var result = new cn.xiaoan.generate.CampaignGenerator(REFERENCE)
                .generate(cn.xiaoan.api.cli.CampaignFixtures.plan(campaign), java.time.LocalDate.now(CLOCK), 2024, out);
        var ingestor = new cn.xiaoan.ingest.Ingestor(warehouse, REFERENCE, CLOCK);
        for (var file : result.files()) {
            ingestor.ingest(
                    cn.xiaoan.ingest.IngestRequest.of(file.dataset(), out.resolve(file.file())),
                    cn.xiaoan.ingest.IngestProgress.silent());
        }
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        return new FixtureServer(warehouse, ServerLimits.defaults());
    }

    Optional<Long> warmedVersion() {
        return server.warmedVersion();
    }

    List<String> routes() {
        return server.routes();
    }

    Warehouse warehouse() {
        return warehouse;
    }

    /** A warehouse where nothing has been built yet. */
    static FixtureServer withoutModel(Path root) {
        return new FixtureServer(new Warehouse(root), ServerLimits.defaults());
    }

    /** GET as a fixture user (with their API token). */
    HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return HTTP.send(request(user, path), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String user, String path) throws IOException, InterruptedException {
        return HTTP.send(request(user, path), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET as a fixture user, requiring 200, parsed as JSON. */
    JsonNode json(String user, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(user, path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest request(String user, String path) {
        return HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + token(user))
                .build();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Override
    public void close() {
        try (figures;
                analystSql) {
            server.close();
        }
    }
}
