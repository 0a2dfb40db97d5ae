package cn.xiaoan.analytics.service;

import static cn.xiaoan.analytics.service.CampaignFixture.D1;
import static cn.xiaoan.analytics.service.CampaignFixture.W1;
import static cn.xiaoan.analytics.service.GoalStatus.AT_RISK;
import static cn.xiaoan.analytics.service.GoalStatus.MET;
import static cn.xiaoan.analytics.service.GoalStatus.NOT_MET;
import static cn.xiaoan.analytics.service.GoalStatus.ON_TRACK;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.campaign.CampaignCatalog;
import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.campaign.CampaignReader;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaign goals and warning lists on {@link CampaignFixture}, worked out by hand. */
class CampaignGoalsAndWarningsTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final String XINFU = "140902";
    private static final String DINGXIANG = "140921";
    private static final String WUTAI = "140922";
    private static final String DAI = "140923";
    private static final String LEGACY_CLEARED = "legacy_cleared";
    private static final String INCREMENT_CURBED = "increment_curbed";
    private static final String DYNAMIC_ZERO = "dynamic_zero";
    private static final CampaignCatalog CAMPAIGNS = CampaignCatalog.load(REFERENCE);

    @TempDir
    static Path root;

    private static FigureService figures;
    private static CampaignGoalService goals;
    private static WarningService warnings;

    @BeforeAll
    static void buildModel() {
        var warehouse = new Warehouse(root);
        CampaignFixture.write(warehouse);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
        goals = new CampaignGoalService(figures, CAMPAIGNS);
        warnings = new WarningService(figures);
    }

    @AfterAll
    static void closeService() {
        figures.close();
    }

    @Test
    void judgesEveryGoalAtItsDeadline() {
        GoalReport report = goals.goals(Optional.of(LocalDate.parse("2026-12-31")), Set.of());
        // the primary campaign (忻州's) covers its 14 districts, not 平鲁区 of the reference list
        assertThat(report.progress()).hasSize(14 * 3);
        assertThat(report.progress()).extracting(GoalProgress::districtCode).doesNotContain("140603");
        // goal 1, legacy major open at 2024-12-31: X L1 cleared 11-30 → 0; D L2 cleared 2025-02-01 → 1; W none
        assertThat(statuses(report, LEGACY_CLEARED)).containsExactly(MET, NOT_MET, MET, MET);
        assertThat(report.of(DINGXIANG, LEGACY_CLEARED)
                        .measure("legacy_major_open")
                        .value())
                .isEqualTo(1.0);
        // goal 2, major found: X 2 (M1, M2) → 1 (M3); D 1 (M4; L2 is 2023's) → 1 (M5); W 0 → 0
        assertThat(statuses(report, INCREMENT_CURBED)).containsExactly(MET, NOT_MET, MET, MET);
        GoalProgress xinfu = report.of(XINFU, INCREMENT_CURBED);
        assertThat(xinfu.measure("major_found_2024").value()).isEqualTo(2.0);
        assertThat(xinfu.measure("major_found_2025").value()).isEqualTo(1.0);
        assertThat(xinfu.measure("major_found_2025").period())
                .isEqualTo(new Period(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31")));
        // goal 3 at 2026-12-31: X nothing open, Z1 on time → 100 %; D nothing open but Z2 late → 0 %;
        // W Z3 still open (its deadline is in 2027, so no MAJOR is due: the rate is undefined)
        assertThat(statuses(report, DYNAMIC_ZERO)).containsExactly(MET, NOT_MET, NOT_MET, MET);
        assertThat(report.of(DINGXIANG, DYNAMIC_ZERO)
                        .measure("major_on_time_rate_2026")
                        .value())
                .isEqualTo(0.0);
        GoalProgress wutai = report.of(WUTAI, DYNAMIC_ZERO);
        assertThat(wutai.measure("major_open").value()).isEqualTo(1.0);
        assertThat(wutai.measure("major_on_time_rate_2026").value()).isNull();
    }

    @Test
    void tracksGoalsBeforeTheirDeadline() {
        GoalReport midway = goals.goals(Optional.of(LocalDate.parse("2026-06-30")), Set.of());
        // goal 3 so far: X Z1 on time; D Z2 due 06-01 and late; W Z3 not found yet
        assertThat(statuses(midway, DYNAMIC_ZERO)).containsExactly(ON_TRACK, AT_RISK, ON_TRACK, ON_TRACK);
        // earlier goals are judged already
        assertThat(statuses(midway, LEGACY_CLEARED)).containsExactly(MET, NOT_MET, MET, MET);

        GoalReport early = goals.goals(Optional.of(LocalDate.parse("2024-06-30")), Set.of(XINFU));
        // only the district asked for
        assertThat(early.progress()).extracting(GoalProgress::districtCode).containsOnly(XINFU);
        // L1 still open on 2024-06-30
        assertThat(early.of(XINFU, LEGACY_CLEARED).status()).isEqualTo(AT_RISK);
        // 2025 has not begun: only 2024 so far (M1, M2), nothing to judge yet
        GoalProgress increment = early.of(XINFU, INCREMENT_CURBED);
        assertThat(increment.status()).isEqualTo(ON_TRACK);
        assertThat(increment.measures()).extracting(GoalMeasure::code).containsExactly("major_found_2024");
        assertThat(increment.measure("major_found_2024").value()).isEqualTo(2.0);
        // L1 open
        assertThat(early.of(XINFU, DYNAMIC_ZERO).status()).isEqualTo(AT_RISK);
    }

    @Test
    void comparesLikeForLikeOverTheSameSpanOfTheEarlierYear() throws Exception {
        CampaignDefinition campaign;
        try (var in = getClass().getResourceAsStream("/campaigns/like-for-like.yaml")) {
            campaign = new CampaignReader(REFERENCE)
                    .read("like-for-like.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .campaign();
        }
        GoalReport april =
                goals.goals(campaign, figures.snapshot(), Optional.of(LocalDate.parse("2025-04-30")), Set.of());

        // 2025 to 04-30: M3; 2024 to 04-30: M1 only (M2 is May's), so 1 < 1 fails, though 1 < 2 (all 2024) would pass
        GoalProgress xinfu = april.of(XINFU, "increment_curbed");
        assertThat(xinfu.measure("major_found_2024").period())
                .isEqualTo(new Period(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-04-30")));
        assertThat(xinfu.measure("major_found_2024").value()).isEqualTo(1.0);
        assertThat(xinfu.measure("major_found_2025").value()).isEqualTo(1.0);
        assertThat(xinfu.status()).isEqualTo(AT_RISK);
        // the primary campaign compares like for like too: against all of 2024 (1 < 2) it would be on track
        GoalProgress primary = goals.goals(Optional.of(LocalDate.parse("2025-04-30")), Set.of(XINFU))
                .of(XINFU, INCREMENT_CURBED);
        assertThat(primary.status()).isEqualTo(AT_RISK);
        assertThat(primary.measure("major_found_2024").period())
                .isEqualTo(new Period(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-04-30")));
        // only the campaign's area: 代县 is asked for but outside it
        assertThat(goals.goals(campaign, figures.snapshot(), Optional.empty(), Set.of(DAI))
                        .progress())
                .isEmpty();
        assertThat(april.progress()).extracting(GoalProgress::districtCode).containsOnly(XINFU, DINGXIANG);
    }

    @Test
    void listsOverdueHazardsAsTheOverdueFigureCountsThem() {
        LocalDate june30 = LocalDate.parse("2026-06-30");
        WarningReport report = warnings.warnings(new WarningRequest(Optional.empty(), Optional.of(june30), Set.of()));
        // open at 06-30 with deadline before: S1 only (Z2 was rectified 06-10, T1–T5 06-01)
        assertThat(report.overdueHazards().rows())
                .extracting(HazardWarning::hazardId)
                .containsExactly("S1");
        // 2026-04-01 → 06-30: 29 + 31 + 30 days
        assertThat(report.overdueHazards().rows().get(0).daysOverdue()).isEqualTo(90);
        FigureRow total = figures.figures(
                        new Question(Optional.of(Period.yearTo(june30)), Optional.of(june30), List.of(), Map.of()))
                .total();
        assertThat((double) report.count(WarningKind.OVERDUE_HAZARDS)).isEqualTo(total.value(Figure.OVERDUE));
    }

    @Test
    void listsOpenMajorHazardsWithoutTemporaryMeasures() {
        // Z3 is found on 11-01: not yet on 06-30, listed at year end (the other MAJOR hazards have measures)
        assertThat(at("2026-06-30").majorWithoutMeasures().rows()).isEmpty();
        assertThat(at("2026-12-31").majorWithoutMeasures().rows())
                .extracting(HazardWarning::hazardId)
                .containsExactly("Z3");
    }

    @Test
    void listsSchoolsWithNoLedgerSubmissionInTheMonth() {
        WarningReport june = at("2026-06-30");
        assertThat(june.submissionMonth()).isEqualTo(YearMonth.of(2026, 6));
        // X1 reported on 06-15; D1 last on 05-31; W1 never before the month's end
        assertThat(june.silentSchools().rows())
                .containsExactly(
                        new SilentSchool(D1, "测试学校" + D1, DINGXIANG, "PRIMARY", LocalDate.parse("2026-05-31")),
                        new SilentSchool(W1, "测试学校" + W1, WUTAI, "JUNIOR", null));
        // every school reported on 12-31
        assertThat(at("2026-12-31").silentSchools().rows()).isEmpty();
    }

    @Test
    void listsSchoolsWhoseSelfInspectionFindsFarLessThanSupervision() {
        // first half of 2026: W1 supervision S1–S3 = 3, self S4 = 1 < 3 / 2; X1 3 and 3 (T4, T5, Z1); D1 none by
        // supervision
        assertThat(at("2026-06-30").weakSelfInspection().rows())
                .containsExactly(new WeakSelfInspection(W1, "测试学校" + W1, WUTAI, "JUNIOR", 1, 3));
    }

    @Test
    void narrowsEveryListToTheDistrictsAskedFor() {
        WarningReport dingxiang = warnings.warnings(
                new WarningRequest(Optional.empty(), Optional.of(LocalDate.parse("2026-06-30")), Set.of(DINGXIANG)));
        assertThat(dingxiang.overdueHazards().rows()).isEmpty();
        assertThat(dingxiang.silentSchools().rows())
                .extracting(SilentSchool::schoolCode)
                .containsExactly(D1);
        assertThat(dingxiang.weakSelfInspection().rows()).isEmpty();
        assertThat(dingxiang.districts()).containsExactly(DINGXIANG);
    }

    private static WarningReport at(String asOf) {
        return warnings.warnings(new WarningRequest(Optional.empty(), Optional.of(LocalDate.parse(asOf)), Set.of()));
    }

    /** The goal's status for 忻府区, 定襄县, 五台县 and 代县, in that order. */
    private static List<GoalStatus> statuses(GoalReport report, String goal) {
        return List.of(XINFU, DINGXIANG, WUTAI, DAI).stream()
                .map(district -> report.of(district, goal).status())
                .toList();
    }
}
