package cn.xiaoan.analytics.sql;

import static cn.xiaoan.analytics.fixture.TwoDistrictModel.DINGXIANG;
import static cn.xiaoan.analytics.fixture.TwoDistrictModel.XINFU;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.fixture.TwoDistrictModel;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing one district's extract holds up no query of another scope, and is written once however many ask. */
class DistrictExtractConcurrencyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-02T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void aSlowExtractOfOneDistrictBlocksNeitherTheCityNorAnotherDistrict() throws Exception {
        Warehouse warehouse = TwoDistrictModel.build(new Warehouse(root.resolve("warehouse")));
        var xinfuMayFinish = new CountDownLatch(1);
        var xinfuStarted = new CountDownLatch(1);
        AnalystSql.ExtractWriter slowForXinfu = (w, version, district) -> {
            if (district.equals(XINFU)) {
                xinfuStarted.countDown();
                await(xinfuMayFinish);
            }
            return DistrictExtract.ensure(w, version, district);
        };
        try (var sql = new AnalystSql(warehouse, ReferenceData.load(), CLOCK, 4, slowForXinfu)) {
            CompletableFuture<QueryResult> xinfu =
                    CompletableFuture.supplyAsync(() -> run(sql, AnalystScope.district(XINFU)));
            assertThat(xinfuStarted.await(30, TimeUnit.SECONDS)).isTrue();

            // while 忻府区's extract is being written, the city and 定襄县 are answered
            QueryResult city = CompletableFuture.supplyAsync(() -> run(sql, AnalystScope.city()))
                    .get(30, TimeUnit.SECONDS);
            QueryResult dingxiang = CompletableFuture.supplyAsync(() -> run(sql, AnalystScope.district(DINGXIANG)))
                    .get(30, TimeUnit.SECONDS);
            assertThat(city.rows()).hasSize(1);
            assertThat(dingxiang.rows()).hasSize(1);
            assertThat(xinfu).isNotDone();

            xinfuMayFinish.countDown();
            assertThat(xinfu.get(30, TimeUnit.SECONDS).rows()).hasSize(1);
        }
    }

    @Test
    void writesADistrictsExtractOnceWhenManyAskAtOnce() throws Exception {
        Warehouse warehouse = TwoDistrictModel.build(new Warehouse(root.resolve("warehouse")));
        var writes = new ConcurrentHashMap<String, AtomicInteger>();
        AnalystSql.ExtractWriter counting = (w, version, district) -> {
            writes.computeIfAbsent(district, d -> new AtomicInteger()).incrementAndGet();
            sleep(Duration.ofMillis(300));
            return DistrictExtract.ensure(w, version, district);
        };
        try (var sql = new AnalystSql(warehouse, ReferenceData.load(), CLOCK, 4, counting)) {
            var queries = new ArrayList<CompletableFuture<QueryResult>>();
            for (int i = 0; i < 6; i++) {
                queries.add(CompletableFuture.supplyAsync(() -> run(sql, AnalystScope.district(XINFU))));
            }
            List<Long> totals = new ArrayList<>();
            for (var query : queries) {
                totals.add((Long) query.get(60, TimeUnit.SECONDS).rows().get(0).get(0));
            }
            assertThat(totals).containsOnly(totals.get(0));
            assertThat(writes.get(XINFU).get()).isEqualTo(1);
        }
    }

    private static QueryResult run(AnalystSql sql, AnalystScope scope) {
        return sql.run(
                new AnalystQuery("analyst", scope, "SELECT count(*) FROM current_hazards", QueryLimits.defaults()));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the extract finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
