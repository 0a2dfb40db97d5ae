package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.campaign.CampaignCatalog;
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
 * The goal outlook of the primary campaign on {@link CampaignFixture}, as of 2026-06-30, worked out by hand.
 *
 * <pre>
 * history: hazards found 2024-01-01 – 2026-06-30 (L1, L2 are 2023's, Z3 is found later): 16 (ELECTRIC_GAS MAJOR 6,
 * FIRE MAJOR 1, FIRE GENERAL 9); MAJOR 7, GENERAL 9, each fewer than 30, so every stratum uses the curve of all 16. Days to rectify: M4 M5 9; M1 M2 M3 Z1 S2 19; S4 25;
 * T3 31; Z2 40; T5 60; T2 61; T4 91; T1 92; still open (censored): S3 60, S1 121.
 *   t  at risk  S(t)
 *   9  16       14/16 = 7/8
 *   19 14       7/8 · 9/14 = 9/16
 *   25 9        1/2
 *   31 8        7/16
 *   40 7        3/8
 *   60 6        3/8 · 5/6 = 5/16      (S3, censored at 60, is at risk at 60)
 *   61 4        15/64
 *   91 3        5/32
 *   92 2        5/64, flat after (S1's 121 is censored)
 * dynamic_zero, judged 2026-12-31, 184 days on:
 *   major_open: no MAJOR open at D; MAJOR found in the last 365 days: Z1, Z2, so 2/365 a day; expected open on 12-31
 *   = 2/365 · Σ_{a=0}^{183} S(a) = 2/365 · (9 + 8.75 + 3.375 + 3 + 3.9375 + 7.5 + 0.3125 + 7.03125 + 0.15625
 *   + 7.1875) = 2/365 · 50.25 = 0.2753; P(none open) ≈ e^−0.2753 = 0.759
 *   on-time rate of MAJOR found in 2026: Z1 on time, Z2 late, nothing pending: 1/2 in every run
 * deadline risks: open and deadline ≥ D: S3 only (found 05-01, due 12-31): S(244) / S(60) = (5/64) / (5/16) = 1/4
 * </pre>
 */
class OutlookServiceTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final CampaignCatalog CAMPAIGNS = CampaignCatalog.load(REFERENCE);

    @TempDir
    static Path root;

    private static FigureService figures;
    private static OutlookService outlooks;

    @BeforeAll
    static void buildModel() {
        var warehouse = new Warehouse(root);
        CampaignFixture.write(warehouse);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
        outlooks = new OutlookService(figures);
    }

    @AfterAll
    static void closeService() {
        figures.close();
    }

    private static CampaignOutlook midway() {
        return outlooks.outlook(CAMPAIGNS.primary(), Optional.of(LocalDate.parse("2026-06-30")), Set.of());
    }

    @Test
    void projectsOnlyTheGoalsStillToBeJudged() {
        CampaignOutlook outlook = midway();
        assertThat(outlook.goals())
                .extracting(GoalOutlook::goalId)
                .containsExactly("legacy_cleared", "increment_curbed", "dynamic_zero");
        assertThat(outlook.goals()).extracting(GoalOutlook::judged).containsExactly(true, true, false);
        assertThat(outlook.goals().get(0).measures()).isEmpty();
        assertThat(outlook.historyFrom()).isEqualTo(LocalDate.parse("2024-01-01"));
    }

    @Test
    void projectsTheMajorStockFromArrivalsAndTheirSurvival() {
        MeasureOutlook majorOpen = midway().goals().get(2).measures().get(0);
        assertThat(majorOpen.measureId()).isEqualTo("major_open");
        assertThat(majorOpen.at()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(majorOpen.expected()).isCloseTo(2.0 / 365 * 50.25, within(0.04));
        assertThat(majorOpen.low()).isZero();
        assertThat(majorOpen.high()).isBetween(1.0, 2.0);
        assertThat(majorOpen.chanceMet()).isCloseTo(Math.exp(-2.0 / 365 * 50.25), within(0.04));
    }

    @Test
    void projectsTheOnTimeRateFromDecidedAndPendingHazards() {
        MeasureOutlook onTime = midway().goals().get(2).measures().get(1);
        assertThat(onTime.measureId()).isEqualTo("major_on_time_rate_2026");
        assertThat(onTime.expected()).isEqualTo(0.5);
        assertThat(onTime.low()).isEqualTo(0.5);
        assertThat(onTime.high()).isEqualTo(0.5);
        assertThat(onTime.chanceMet()).isZero();
    }

    @Test
    void listsTheOpenHazardsMostLikelyToMissTheirDeadline() {
        CampaignOutlook outlook = midway();
        assertThat(outlook.deadlineRisks()).singleElement().satisfies(risk -> {
            assertThat(risk.hazardId()).isEqualTo("S3");
            assertThat(risk.missProbability()).isCloseTo(0.25, within(1e-12));
        });
        assertThat(outlook.strata())
                .allSatisfy(stratum -> assertThat(stratum.curve()).isEqualTo(OutlookStratum.StratumLevel.ALL));
        assertThat(outlook.strata()).extracting(OutlookStratum::hazards).containsExactly(6L, 1L, 9L);
    }

    @Test
    void givesTheSameIntervalEveryTime() {
        assertThat(midway().goals()).isEqualTo(midway().goals());
    }

    @Test
    void answersNothingForDistrictsOutsideTheArea() {
        CampaignOutlook outside =
                outlooks.outlook(CAMPAIGNS.primary(), Optional.of(LocalDate.parse("2026-06-30")), Set.of("140603"));
        assertThat(outside.goals()).isEmpty();
        assertThat(outside.deadlineRisks()).isEmpty();
    }
}
