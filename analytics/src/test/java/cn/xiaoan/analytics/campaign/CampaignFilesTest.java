package cn.xiaoan.analytics.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.domain.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignFilesTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();

    private final CampaignReader reader = new CampaignReader(REFERENCE);
    private final CampaignValidator validator = new CampaignValidator();

    @Test
    void aMinimalFileReadsIntoItsRecords() {
        CampaignDefinition campaign = load("minimal.yaml");

        assertThat(campaign.id()).isEqualTo("test-campaign");
        assertThat(campaign.area().districts()).extracting(AreaDistrict::code).containsExactly("140902");
        assertThat(campaign.area().districts().get(0).name().zh()).isEqualTo("忻府区");
        assertThat(campaign.period()).isEqualTo(new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
        GoalDefinition goal = campaign.goals().get(0);
        assertThat(goal.measure("major_open").figure()).isEqualTo(Figure.MAJOR_OPEN);
        assertThat(goal.measure("major_open").period().isYearToDate()).isTrue();
        assertThat(goal.conditions().get(0).text()).isEqualTo("major_open = 0");
    }

    @Test
    void anUnknownFigureNamesFileLineFieldAndTheRegistry() {
        assertThat(errors("unknown-figure.yaml"))
                .containsExactly("unknown-figure.yaml:15: goals[0].measures[0].figure: 未知指标 major_opened。可选："
                        + Figure.codes() + " / unknown figure major_opened. Allowed: " + Figure.codes());
    }

    @Test
    void anUnknownFilterCodeListsTheDimensionsCodes() {
        assertThat(errors("unknown-filter-code.yaml"))
                .containsExactly("unknown-filter-code.yaml:17: goals[0].measures[0].filters.severity[0]: 维度 severity"
                        + " 没有代码 SEVERE。可选：GENERAL, MAJOR / unknown severity code SEVERE. Allowed: GENERAL, MAJOR");
    }

    @Test
    void aPhaseEndingAfterTheCampaignIsOutsideItsPeriod() {
        assertThat(errors("date-outside-period.yaml"))
                .containsExactly("date-outside-period.yaml:10: phases[0].to: 日期 2025-01-31 不在活动期间 2024-01-01 –"
                        + " 2024-12-31 内 / the date 2025-01-31 is outside the campaign period 2024-01-01 – 2024-12-31");
    }

    @Test
    void phasesSharingADayOverlap() {
        assertThat(errors("overlapping-phases.yaml"))
                .containsExactly("overlapping-phases.yaml:12: phases[1].from: 阶段“整治”（2024-03-23 – 2024-06-30）与阶段“部署”"
                        + "（2024-01-01 – 2024-03-23）重叠 / phase Rectification (2024-03-23 – 2024-06-30) overlaps phase"
                        + " Deployment (2024-01-01 – 2024-03-23)");
    }

    @Test
    void aSupervisedSchoolOutsideTheAreaListsTheAreasSchools() {
        assertThat(errors("school-outside-area.yaml"))
                .containsExactly("school-outside-area.yaml:13: supervision_groups[0].schools[1]: 学校“丙校”不在活动地区的学校名单内。"
                        + "可选：甲校, 乙校 / school 丙校 is not in the campaign area's schools. Allowed: 甲校, 乙校");
    }

    @Test
    void aDistrictFilterOutsideTheAreaListsTheAreasDistricts() {
        assertThat(errors("district-outside-area.yaml"))
                .containsExactly("district-outside-area.yaml:16: goals[0].measures[0].filters.district: 县区 140923"
                        + " 不在活动地区内。可选：140902, 140921 / district 140923 is not in the campaign's area. Allowed:"
                        + " 140902, 140921");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        List<String> errors = errors("several-problems.yaml");

        assertThat(errors).hasSize(4);
        assertThat(errors.get(0)).startsWith("several-problems.yaml:4: area.districts[0]: 参考数据中没有县区 999999");
        assertThat(errors.get(1))
                .isEqualTo("several-problems.yaml:5: baseline: 日期应写作 YYYY-MM-DD：2024-13-01 / a date is written"
                        + " YYYY-MM-DD: 2024-13-01");
        assertThat(errors.get(2)).startsWith("several-problems.yaml:7: colour: 未知字段 colour。可选：area, baseline,");
        assertThat(errors.get(3))
                .isEqualTo("several-problems.yaml:12: returns[0].cadence: 未知报送周期 fortnightly。可选：weekly,"
                        + " monthly, per_term, once / unknown cadence fortnightly. Allowed: weekly, monthly,"
                        + " per_term, once");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> reader.read("broken.yaml", "id: a\nname: {zh: x\nbureau: y\n"))
                .isInstanceOfSatisfying(
                        CampaignFileException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.file()).isEqualTo("broken.yaml");
                            assertThat(error.line()).isEqualTo(3);
                            assertThat(error.messageEn()).startsWith("not valid YAML");
                        }));
    }

    private CampaignDefinition load(String name) {
        return validator.validated(reader.read(name, text(name)));
    }

    private List<String> errors(String name) {
        try {
            load(name);
        } catch (CampaignFileException e) {
            return e.errors().stream().map(CampaignError::text).toList();
        }
        throw new AssertionError(name + " was accepted");
    }

    static String text(String name) {
        try (InputStream in = CampaignFilesTest.class.getResourceAsStream("/campaigns/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
