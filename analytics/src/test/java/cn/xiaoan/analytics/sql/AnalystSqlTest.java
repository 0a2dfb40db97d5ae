package cn.xiaoan.analytics.sql;

import static cn.xiaoan.analytics.fixture.TwoDistrictModel.DINGXIANG;
import static cn.xiaoan.analytics.fixture.TwoDistrictModel.XINFU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.fixture.TwoDistrictModel;
import cn.xiaoan.analytics.sql.SqlRejectedException.Reason;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalystSqlTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-02T08:00:00Z"), ZoneOffset.UTC);
    private static final AnalystScope CITY = AnalystScope.city();
    private static final AnalystScope XINFU_ONLY = AnalystScope.district(XINFU);

    @TempDir
    static Path root;

    private static Warehouse warehouse;
    private static AnalystSql sql;

    @BeforeAll
    static void buildModel() {
        warehouse = TwoDistrictModel.build(new Warehouse(root.resolve("warehouse")));
        sql = new AnalystSql(warehouse, ReferenceData.load(), CLOCK);
    }

    @AfterAll
    static void close() {
        sql.close();
    }

    private static QueryResult run(AnalystScope scope, String statement) {
        return sql.run(new AnalystQuery("analyst-1", scope, statement, QueryLimits.defaults()));
    }

    private static List<String> column(AnalystScope scope, String statement) {
        return run(scope, statement).rows().stream()
                .map(row -> String.valueOf(row.get(0)))
                .toList();
    }

    private static void assertRejected(Reason reason, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        SqlRejectedException.class,
                        e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason))
                .hasMessageContaining(" / ");
    }

    private static void assertRejected(Reason reason, AnalystScope scope, String statement) {
        assertRejected(reason, () -> run(scope, statement));
    }

    private static Path model() {
        return warehouse.model(1);
    }

    @Test
    void answersASelectOverTheModelWithColumnsTypesAndTheModelVersion() {
        QueryResult result = run(
                CITY,
                "SELECT hazard_id, found_date, deadline IS NULL AS no_deadline FROM current_hazards ORDER BY hazard_id");

        assertThat(result.modelVersion()).isEqualTo(1);
        assertThat(result.columns())
                .containsExactly(
                        new ResultColumn("hazard_id", "VARCHAR"),
                        new ResultColumn("found_date", "DATE"),
                        new ResultColumn("no_deadline", "BOOLEAN"));
        assertThat(result.rows())
                .containsExactly(
                        List.of("HD1", java.time.LocalDate.parse("2026-04-01"), false),
                        List.of("HX1", java.time.LocalDate.parse("2026-03-01"), false),
                        List.of("HX2", java.time.LocalDate.parse("2026-05-10"), false),
                        List.of("HX3", java.time.LocalDate.parse("2026-05-11"), true));
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void acceptsWithValuesFromFirstDescribeSummarizeAndShow() {
        assertThat(column(CITY, "WITH h AS (SELECT * FROM current_hazards) SELECT count(*) FROM h"))
                .containsExactly("4");
        assertThat(column(CITY, "VALUES (42)")).containsExactly("42");
        assertThat(column(CITY, "FROM dim_school SELECT count(*)")).containsExactly("3");
        assertThat(column(CITY, "DESCRIBE current_hazards")).contains("hazard_id", "school_code", "deadline");
        assertThat(run(CITY, "SUMMARIZE dim_school").rows()).isNotEmpty();
        assertThat(column(CITY, "SHOW TABLES")).contains("current_hazards", "dim_school", "dim_category");
    }

    @Test
    void offersTheFiguresHazardStateFunctions() {
        // HX1 found 03-01, HX2 05-10, HX3 05-11, HD1 04-01, none rectified: three open on 05-10
        assertThat(column(
                        CITY,
                        "SELECT count(*) FROM current_hazards"
                                + " WHERE is_open_at(found_date, rectified_date, DATE '2026-05-10')"))
                .containsExactly("3");
        assertThat(column(CITY, "SELECT risk_weight('MAJOR', true)")).containsExactly("10");
    }

    @Test
    void capsRowsAndSaysTheResultWasTruncated() {
        QueryResult capped = sql.run(new AnalystQuery(
                "analyst-1", CITY, "SELECT * FROM range(1000000000)", new QueryLimits(10, Duration.ofSeconds(10))));
        QueryResult exact = sql.run(new AnalystQuery(
                "analyst-1", CITY, "SELECT * FROM range(10)", new QueryLimits(10, Duration.ofSeconds(10))));

        assertThat(capped.rows()).hasSize(10);
        assertThat(capped.truncation()).isEqualTo(Truncation.MAX_ROWS);
        // A billion rows were never materialised: the result streams and stops after the cap.
        assertThat(capped.elapsedMillis()).isLessThan(5_000);
        assertThat(exact.rows()).hasSize(10);
        assertThat(exact.truncated()).isFalse();
    }

    @Test
    void capsTheBytesOfCellTextWithinTheRowCapAndSaysWhy() {
        // 1,000 rows of 100 KiB each: within the row cap, 100 MB of text
        QueryResult capped = sql.run(new AnalystQuery(
                "analyst-1",
                CITY,
                "SELECT range AS n, repeat('校', 34000) AS wide FROM range(1000)",
                new QueryLimits(1_000, Duration.ofSeconds(20), 1024 * 1024)));

        assertThat(capped.truncation()).isEqualTo(Truncation.MAX_BYTES);
        assertThat(capped.truncated()).isTrue();
        // each row holds 102,000 UTF-8 bytes of 校 plus its number: ten fit in 1 MiB, the eleventh does not
        assertThat(capped.rows()).hasSize(10);
        assertThat(capped.rows().stream().mapToLong(AnalystSql::textBytes).sum())
                .isLessThanOrEqualTo(1024 * 1024);
        assertThat(Truncation.MAX_BYTES.messageEn()).contains("select fewer columns");
        assertThat(Truncation.MAX_BYTES.messageZh()).contains("16 MiB");

        QueryResult narrow = sql.run(new AnalystQuery(
                "analyst-1",
                CITY,
                "SELECT range AS n FROM range(1000)",
                new QueryLimits(1_000, Duration.ofSeconds(20), 1024 * 1024)));
        assertThat(narrow.truncation()).isEqualTo(Truncation.NONE);
        assertThat(narrow.rows()).hasSize(1000);
    }

    @Test
    void refusesFileReadingFunctions() {
        assertRejected(Reason.FORBIDDEN_FUNCTION, CITY, "SELECT * FROM read_csv('/etc/passwd')");
        assertRejected(Reason.FORBIDDEN_FUNCTION, CITY, "SELECT * FROM read_text('/etc/passwd')");
        assertRejected(Reason.FORBIDDEN_FUNCTION, CITY, "SELECT * FROM glob('/etc/*')");
        assertRejected(Reason.FORBIDDEN_FUNCTION, CITY, "SELECT * FROM READ_CSV_AUTO('/etc/passwd')");
        assertRejected(
                Reason.FORBIDDEN_FUNCTION,
                CITY,
                "SELECT count(*) FROM current_hazards WHERE hazard_id IN (SELECT content FROM read_text('/etc/hosts'))");
        assertRejected(
                Reason.FORBIDDEN_FUNCTION,
                CITY,
                "SELECT * FROM read_parquet('" + model().resolve("../../raw/ledger/batch=000002/part-0.parquet")
                        + "')");
        assertRejected(Reason.FORBIDDEN_FUNCTION, CITY, "SELECT * FROM query('SELECT 1')");
    }

    @Test
    void theLockedInstanceItselfRefusesFilesOutsideTheScope() throws Exception {
        Path secret = Files.writeString(root.resolve("secret.csv"), "password\nhunter2\n");
        // A quoted path is a table reference, not a function call: only DuckDB's own lock-down stops it.
        assertRejected(Reason.ACCESS_DENIED, CITY, "SELECT * FROM '" + secret + "'");
        assertRejected(Reason.ACCESS_DENIED, CITY, "SELECT * FROM '" + model() + "/../../../secret.csv'");
        // Without a known extension a path is no replacement scan at all, just an unknown table.
        assertRejected(Reason.QUERY_FAILED, CITY, "SELECT * FROM '/etc/passwd'");
        assertRejected(
                Reason.ACCESS_DENIED,
                CITY,
                "SELECT * FROM '"
                        + warehouse.raw(cn.xiaoan.domain.Dataset.LEDGER).resolve("batch=000002/part-0.parquet") + "'");
        assertRejected(
                Reason.ACCESS_DENIED,
                CITY,
                "SELECT * FROM '" + model() + "/../../raw/ledger/batch=000002/part-0.parquet'");
    }

    @Test
    void refusesEverythingButReadOnlyStatementsAndWritesNothing() {
        Path copy = model().resolve("copy.csv");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "COPY current_hazards TO '" + copy + "'");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "COPY (SELECT 1) TO '" + copy + "' (FORMAT csv)");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "ATTACH '" + model().resolve("other.duckdb") + "' AS other");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "INSTALL httpfs");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "LOAD httpfs");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "SET enable_external_access = true");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "SET lock_configuration = false");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "RESET allowed_directories");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "PRAGMA threads = 1");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "CALL duckdb_settings()");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "CREATE TABLE t AS SELECT 1");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "EXPLAIN ANALYZE SELECT 1");
        assertRejected(Reason.SYNTAX, CITY, "SELEC 1");
        assertRejected(Reason.NOT_ONE_STATEMENT, CITY, "   ");
        assertThat(copy).doesNotExist();
        assertThat(model().resolve("other.duckdb")).doesNotExist();
    }

    @Test
    void runsExactlyOneStatementWhateverTheCommentsSay() {
        Path copy = model().resolve("copy.csv");
        assertRejected(Reason.NOT_ONE_STATEMENT, CITY, "SELECT 1; SELECT 2");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "SELECT 1; COPY (SELECT 1) TO '" + copy + "'");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "COPY (SELECT 1) TO '" + copy + "'; SELECT 1");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "SELECT 1; /* */ COPY (SELECT 1) TO '" + copy + "'");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "/* SELECT 1 */ COPY (SELECT 1) TO '" + copy + "'");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "-- SELECT 1\nCOPY (SELECT 1) TO '" + copy + "'");
        assertThat(copy).doesNotExist();

        // A trailing semicolon or a comment hiding a second statement leaves one harmless statement.
        assertThat(column(CITY, "SELECT 1; -- ")).containsExactly("1");
        assertThat(column(CITY, "SELECT 1 /* ; COPY (SELECT 1) TO '" + copy + "' */"))
                .containsExactly("1");
        assertThat(column(CITY, "SELECT 1 -- ; COPY (SELECT 1) TO '" + copy + "'"))
                .containsExactly("1");
        assertThat(copy).doesNotExist();
    }

    @Test
    void refusesSettingsProbes() {
        assertRejected(Reason.FORBIDDEN_FUNCTION, CITY, "SELECT * FROM duckdb_settings()");
        assertRejected(Reason.FORBIDDEN_FUNCTION, CITY, "SELECT current_setting('allowed_directories')");
        assertRejected(Reason.FORBIDDEN_FUNCTION, CITY, "SELECT upper(current_setting('enable_external_access'))");
        assertRejected(Reason.FORBIDDEN_FUNCTION, CITY, "SELECT * FROM duckdb_databases()");
        assertRejected(Reason.FORBIDDEN_FUNCTION, CITY, "SELECT * FROM pragma_database_list()");
    }

    @Test
    void cancelsANeverEndingQueryAtItsTimeLimitAndKeepsWorking() {
        long started = System.nanoTime();
        assertRejected(
                Reason.TIMEOUT,
                () -> sql.run(new AnalystQuery(
                        "analyst-1",
                        CITY,
                        "SELECT count(*) FROM range(1000000000) a, range(1000000000) b WHERE a.range + b.range < 0",
                        new QueryLimits(10, Duration.ofSeconds(1)))));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(elapsedMillis).isBetween(900L, 4_000L);
        assertThat(column(CITY, "SELECT 42")).containsExactly("42");
    }

    @Test
    void refusesAQueryWhenEverySlotStaysBusy() throws Exception {
        try (var gated = new AnalystSql(warehouse, ReferenceData.load(), CLOCK, 1)) {
            var longQuery = CompletableFuture.runAsync(() -> assertRejected(
                    Reason.TIMEOUT,
                    () -> gated.run(new AnalystQuery(
                            "analyst-1",
                            CITY,
                            "SELECT count(*) FROM range(1000000000) a, range(1000000000) b WHERE a.range + b.range < 0",
                            new QueryLimits(10, Duration.ofSeconds(3))))));
            Thread.sleep(500);

            assertRejected(
                    Reason.BUSY,
                    () -> gated.run(new AnalystQuery(
                            "analyst-2", CITY, "SELECT 42", new QueryLimits(10, Duration.ofMillis(300)))));
            longQuery.get();
            assertThat(gated.run(new AnalystQuery("analyst-2", CITY, "SELECT 42", QueryLimits.defaults()))
                            .rows())
                    .containsExactly(List.of(42L));
        }
    }

    @Test
    void aDistrictAnalystSeesOnlyTheirDistrictInEveryTable() {
        assertThat(column(XINFU_ONLY, "SELECT hazard_id FROM current_hazards ORDER BY 1"))
                .containsExactly("HX1", "HX2", "HX3");
        assertThat(column(XINFU_ONLY, "SELECT DISTINCT district_code FROM dim_school"))
                .containsExactly(XINFU);
        assertThat(column(XINFU_ONLY, "SELECT count(*) FROM inspections")).containsExactly("1");
        assertThat(column(XINFU_ONLY, "SELECT count(*) FROM surveys")).containsExactly("1");
        assertThat(column(XINFU_ONLY, "SELECT count(*) FROM drills")).containsExactly("1");
        // Reference dimensions are whole: every district and category can still be named.
        assertThat(column(XINFU_ONLY, "SELECT count(*) FROM dim_district")).containsExactly("15");
        assertThat(column(XINFU_ONLY, "SELECT count(*) FROM dim_category")).containsExactly("15");
        assertThat(column(CITY, "SELECT count(*) FROM current_hazards")).containsExactly("4");
        // Path segments such as v=1 and district=140902 do not turn into columns.
        assertThat(column(XINFU_ONLY, "DESCRIBE dim_school")).doesNotContain("v", "district");
        assertThat(column(CITY, "DESCRIBE dim_school")).doesNotContain("v", "district");
    }

    @Test
    void aDistrictAnalystCannotReachAnotherDistrictByPathOrCatalogue() {
        run(AnalystScope.district(DINGXIANG), "SELECT 1"); // the other district's extract exists on disk
        Path mine = DistrictExtract.directory(warehouse, 1, XINFU);
        Path theirs = DistrictExtract.directory(warehouse, 1, DINGXIANG);
        assertThat(theirs.resolve("current_hazards.parquet")).exists();

        assertRejected(Reason.ACCESS_DENIED, XINFU_ONLY, "SELECT * FROM '" + model() + "/current_hazards.parquet'");
        assertRejected(Reason.ACCESS_DENIED, XINFU_ONLY, "SELECT * FROM '" + theirs + "/current_hazards.parquet'");
        assertRejected(
                Reason.ACCESS_DENIED,
                XINFU_ONLY,
                "SELECT * FROM '" + mine + "/../district=" + DINGXIANG + "/current_hazards.parquet'");
        assertRejected(Reason.ACCESS_DENIED, XINFU_ONLY, "SELECT * FROM '" + mine + "/../*/current_hazards.parquet'");
        assertRejected(
                Reason.FORBIDDEN_FUNCTION,
                XINFU_ONLY,
                "SELECT * FROM read_parquet('" + model() + "/current_hazards.parquet')");
        assertRejected(Reason.FORBIDDEN_FUNCTION, XINFU_ONLY, "SELECT * FROM glob('" + mine.getParent() + "/*')");
        assertRejected(Reason.FORBIDDEN_FUNCTION, XINFU_ONLY, "SELECT sql FROM duckdb_views()");
        assertRejected(Reason.QUERY_FAILED, XINFU_ONLY, "SELECT * FROM model_v1.current_hazards");
        assertRejected(Reason.NOT_READ_ONLY, XINFU_ONLY, "ATTACH '" + model() + "/current_hazards.parquet'");

        // The catalogue lists only this scope's views, and their definitions read only this scope's files.
        List<String> definitions = column(
                XINFU_ONLY, "SELECT view_definition FROM information_schema.views WHERE table_catalog = 'memory'");
        assertThat(definitions).isNotEmpty().allSatisfy(definition -> assertThat(definition)
                .contains(mine.toString())
                .doesNotContain(model().toString()));
        assertThat(column(XINFU_ONLY, "SELECT DISTINCT table_catalog FROM information_schema.tables ORDER BY 1"))
                .containsExactly("memory");
        assertThat(column(XINFU_ONLY, "SELECT count(*) FROM current_hazards WHERE school_code LIKE '140921%'"))
                .containsExactly("0");
    }

    @Test
    void answersFromANewlyPublishedModelVersionInEveryScope() {
        Warehouse changing = TwoDistrictModel.build(new Warehouse(root.resolve("changing")));
        try (var analyst = new AnalystSql(changing, ReferenceData.load(), CLOCK)) {
            var count = new AnalystQuery(
                    "analyst-1", XINFU_ONLY, "SELECT count(*) FROM current_hazards", QueryLimits.defaults());
            assertThat(analyst.run(count).rows()).containsExactly(List.of(3L));

            new cn.xiaoan.analytics.fixture.RawWarehouseFixture(changing)
                    .ledger(
                            6,
                            "2026-09-30",
                            List.of(cn.xiaoan.analytics.fixture.RawHazard.open(
                                    "HX4", TwoDistrictModel.X1, "FIRE", "GENERAL", "2026-09-01", null)));
            new cn.xiaoan.analytics.build.ModelBuilder(changing).build();

            QueryResult after = analyst.run(count);
            assertThat(after.modelVersion()).isEqualTo(2);
            assertThat(after.rows()).containsExactly(List.of(4L));
            assertThat(DistrictExtract.directory(changing, 2, XINFU)).isDirectory();
            // version 1's instance had no query left running, so it closed: retention may remove version 1
            assertThat(analyst.versionsInUse()).containsExactly(2L);
        }
    }

    @Test
    void saysToBuildFirstWhenNoModelWasPublished() {
        try (var analyst = new AnalystSql(new Warehouse(root.resolve("empty")), ReferenceData.load(), CLOCK)) {
            assertThatThrownBy(
                            () -> analyst.run(new AnalystQuery("analyst-1", CITY, "SELECT 1", QueryLimits.defaults())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("run bin/xiaoan build");
        }
    }

    @Test
    void describesTheScopesTablesWithTypesAndDictionaryText() {
        List<DataDictionary.Table> schema = sql.schema(XINFU_ONLY, DataDictionary.load());

        assertThat(schema)
                .extracting(DataDictionary.Table::name)
                .contains("current_hazards", "dim_school", "dim_district", "inspections");
        DataDictionary.Table hazards = schema.stream()
                .filter(table -> table.name().equals("current_hazards"))
                .findFirst()
                .orElseThrow();
        assertThat(hazards.descriptionZh()).startsWith("隐患当前状态");
        assertThat(hazards.column("deadline").orElseThrow())
                .isEqualTo(new DataDictionary.Column(
                        "deadline", "DATE", "整改期限（可为空：无期限）", "Rectification deadline (empty: none set)"));
    }

    @Test
    void refusesAnUnknownDistrict() {
        assertThatThrownBy(() -> run(AnalystScope.district("999999"), "SELECT 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999999")
                .hasMessageContaining("未知的区县代码");
        assertThatThrownBy(() -> AnalystScope.district("14090"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("six digits");
    }

    @Test
    void logsWhoRanWhatWhenWithRowsAndTime() throws Exception {
        run(CITY, "SELECT 'logged' AS marker FROM range(3)");
        assertRejected(Reason.NOT_READ_ONLY, CITY, "COPY (SELECT 'refused-marker') TO 'x.csv'");

        List<JsonNode> lines;
        try (Stream<String> text = Files.lines(sql.logFile())) {
            var json = new ObjectMapper();
            lines = text.map(line -> {
                        try {
                            return json.readTree(line);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        JsonNode ok = lines.stream()
                .filter(line -> line.path("statement").asText().contains("'logged'"))
                .findFirst()
                .orElseThrow();
        assertThat(ok.path("user").asText()).isEqualTo("analyst-1");
        assertThat(ok.path("at").asText()).isEqualTo("2026-07-02T08:00:00Z");
        assertThat(ok.path("scope").asText()).isEqualTo("city");
        assertThat(ok.path("model_version").asLong()).isEqualTo(1);
        assertThat(ok.path("outcome").asText()).isEqualTo("ok");
        assertThat(ok.path("rows").asLong()).isEqualTo(3);
        assertThat(ok.has("ms")).isTrue();
        JsonNode refused = lines.stream()
                .filter(line -> line.path("statement").asText().contains("refused-marker"))
                .findFirst()
                .orElseThrow();
        assertThat(refused.path("outcome").asText()).isEqualTo("not_read_only");
        assertThat(refused.path("rows").asLong()).isZero();
    }
}
