package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.campaign.CampaignCatalog;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The primary campaign's stock-flow statement on {@link CampaignFixture} as of 2026-06-30, by hand. Period
 * 2024-01-01 – 2026-06-30; opening = open on 2023-12-31 (L1, L2); closing = open on 06-30 (S1, S3).
 *
 * <pre>
 * MAJOR    X ELECTRIC_GAS  1 (L1) + 4 (M1 M2 M3 Z1) − 5 = 0
 *          D ELECTRIC_GAS  1 (L2) + 2 (M4 M5) − 3 = 0
 *          D FIRE          0 + 1 (Z2) − 1 = 0                    total 2 + 7 − 9 = 0
 * GENERAL  X FIRE          0 + 5 (T1–T5) − 5 = 0
 *          W FIRE          0 + 4 (S1–S4) − 2 (S2 S4) = 2         total 0 + 9 − 7 = 2
 * </pre>
 */
class StockFlowServiceTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final CampaignCatalog CAMPAIGNS = CampaignCatalog.load(REFERENCE);

    @TempDir
    static Path root;

    private static FigureService figures;
    private static StockFlowService stockFlow;

    @BeforeAll
    static void buildModel() {
        var warehouse = new Warehouse(root);
        CampaignFixture.write(warehouse);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
        stockFlow = new StockFlowService(figures);
    }

    @AfterAll
    static void closeService() {
        figures.close();
    }

    @Test
    void statesOpeningNewResolvedAndClosingPerDistrictAndCategoryMajorFirst() {
        StockFlowStatement statement =
                stockFlow.statement(CAMPAIGNS.primary(), Optional.of(LocalDate.parse("2026-06-30")), Set.of());

        assertThat(statement.period())
                .hasValue(new Period(LocalDate.parse("2024-01-01"), LocalDate.parse("2026-06-30")));
        assertThat(statement.totals())
                .containsExactly(
                        new StockFlowRow("MAJOR", null, null, 2, 7, 9, 0),
                        new StockFlowRow("GENERAL", null, null, 0, 9, 7, 2));
        assertThat(statement.rows().subList(0, 3))
                .containsExactlyInAnyOrder(
                        new StockFlowRow("MAJOR", "140902", "ELECTRIC_GAS", 1, 4, 5, 0),
                        new StockFlowRow("MAJOR", "140921", "ELECTRIC_GAS", 1, 2, 3, 0),
                        new StockFlowRow("MAJOR", "140921", "FIRE", 0, 1, 1, 0));
        assertThat(statement.rows().subList(3, 5))
                .containsExactly(
                        new StockFlowRow("GENERAL", "140902", "FIRE", 0, 5, 5, 0),
                        new StockFlowRow("GENERAL", "140922", "FIRE", 0, 4, 2, 2));
        assertThat(statement.rows()).allMatch(StockFlowRow::balanced);
    }

    @Test
    void narrowsToTheDistrictsAskedForAndIsEmptyBeforeTheCampaign() {
        StockFlowStatement wutai =
                stockFlow.statement(CAMPAIGNS.primary(), Optional.of(LocalDate.parse("2026-06-30")), Set.of("140922"));
        assertThat(wutai.rows()).containsExactly(new StockFlowRow("GENERAL", "140922", "FIRE", 0, 4, 2, 2));

        StockFlowStatement before =
                stockFlow.statement(CAMPAIGNS.primary(), Optional.of(LocalDate.parse("2023-06-30")), Set.of());
        assertThat(before.period()).isEmpty();
        assertThat(before.rows()).isEmpty();
    }
}
