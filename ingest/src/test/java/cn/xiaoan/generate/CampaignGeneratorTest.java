package cn.xiaoan.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.SchoolType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignGeneratorTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final LocalDate FROM = LocalDate.of(2023, 11, 15);
    private static final LocalDate TO = LocalDate.of(2024, 2, 23);
    private static final Pattern DATE = Pattern.compile("\\b(20\\d\\d-\\d\\d-\\d\\d)\\b");

    @TempDir
    Path temp;

    /** 平鲁's schools (in the shipped register) in two groups, a weekly inspections return and a monthly drill rule. */
    private static CampaignPlan plan() {
        var visits = List.of(new CampaignPlan.Window(LocalDate.of(2023, 11, 23), LocalDate.of(2023, 11, 28)));
        var revisits = List.of(new CampaignPlan.Window(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 2, 20)));
        var weekly = new java.util.ArrayList<CampaignPlan.Due>();
        for (LocalDate due = LocalDate.of(2023, 11, 16); !due.isAfter(TO); due = due.plusWeeks(1)) {
            LocalDate opens = due.minusDays(3).isBefore(FROM) ? FROM : due.minusDays(3);
            weekly.add(new CampaignPlan.Due(opens, due, due.plusDays(3)));
        }
        return new CampaignPlan(
                "test-campaign",
                new CampaignPlan.Window(FROM, TO),
                List.of("140603"),
                List.of(),
                List.of(
                        new CampaignPlan.Group("督查一组", List.of("下面高寄宿制学校", "向阳堡寄宿制学校", "敬德学校"), visits, revisits),
                        new CampaignPlan.Group("督查二组", List.of("井坪第二小学", "启明实验学校", "实验小学", "李林中学"), visits, revisits)),
                List.of(new CampaignPlan.Return("weekly", Dataset.INSPECTIONS, weekly, true)),
                Map.of(SchoolType.PRIMARY, CampaignPlan.DrillEvery.MONTH),
                true);
    }

    @Test
    void theSamePlanSeedAndDayGiveTheSameBytes() throws IOException {
        var generator = new CampaignGenerator(REFERENCE);
        var first = generator.generate(plan(), LocalDate.of(2026, 1, 1), 7, temp.resolve("a"));
        var second = generator.generate(plan(), LocalDate.of(2026, 1, 1), 7, temp.resolve("b"));

        assertThat(second.files()).isEqualTo(first.files());
        for (var file : first.files()) {
            assertThat(temp.resolve("b").resolve(file.file()))
                    .hasSameBinaryContentAs(temp.resolve("a").resolve(file.file()));
        }
        assertThat(Files.readString(temp.resolve("b/generated.json")))
                .isEqualTo(Files.readString(temp.resolve("a/generated.json")));
    }

    @Test
    void everyDateLiesInThePeriodExceptTheClosingDayAfterIt() throws IOException {
        var result = new CampaignGenerator(REFERENCE).generate(plan(), LocalDate.of(2026, 1, 1), 7, temp);

        assertThat(result.schools()).isEqualTo(31); // 平鲁区's register
        for (var file : result.files()) {
            String text = Files.readString(temp.resolve(file.file()), StandardCharsets.UTF_8);
            Matcher dates = DATE.matcher(text);
            while (dates.find()) {
                LocalDate date = LocalDate.parse(dates.group(1));
                if (file.file().endsWith("closing.csv") && date.equals(TO.plusDays(1))) {
                    continue; // the closing snapshot's report date
                }
                // deadlines, rectification and sign-off dates run on past the period
                if (file.dataset() != Dataset.LEDGER) {
                    assertThat(date).as(file.file()).isBetween(FROM, TO.plusDays(3));
                }
            }
        }
    }

    @Test
    void schoolsGoUnvisitedReturnsGoMissingAndNilReturnsNameTheirSchool() throws IOException {
        var result = new CampaignGenerator(REFERENCE).generate(plan(), LocalDate.of(2026, 1, 1), 7, temp);

        String closingVisits = Files.readString(temp.resolve("inspections/closing.csv"));
        long weeklyFiles = result.files().stream()
                .filter(f -> f.file().startsWith("inspections/weekly-"))
                .count();
        int periods = plan().returns().get(0).periods().size();
        assertThat(weeklyFiles).isLessThan((long) periods * 31).isGreaterThan((long) periods * 31 / 2);
        var nil = result.files().stream()
                .filter(f -> f.file().startsWith("inspections/weekly-") && f.rows() == 0)
                .toList();
        assertThat(nil).isNotEmpty();
        List<String> lines = Files.readAllLines(temp.resolve(nil.get(0).file()));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1))
                .startsWith("填报单位：")
                .contains("填报日期：" + nil.get(0).reportDate());
        assertThat(lines.get(2)).isEqualTo("学校标识码,检查日期,检查方式,检查人/督查组");

        // the seven grouped schools: some never visited by their group in the window
        var supervised = new java.util.HashSet<String>();
        for (var file : result.files()) {
            if (file.dataset() == Dataset.INSPECTIONS) {
                for (String line : Files.readAllLines(temp.resolve(file.file()))) {
                    if (line.contains("督查") && line.contains(",2023-11-2")) {
                        supervised.add(line.substring(0, 10));
                    }
                }
            }
        }
        assertThat(supervised).hasSizeBetween(3, 6);
        assertThat(closingVisits).contains("自查");
    }

    @Test
    void aDistrictOutsideTheReferenceIsAClearError() {
        var plan = new CampaignPlan(
                "elsewhere",
                new CampaignPlan.Window(FROM, TO),
                List.of("370812"),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                false);

        assertThatThrownBy(() -> new CampaignGenerator(REFERENCE).generate(plan, TO, 1, temp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("district 370812 is not in this installation's reference districts")
                .hasMessageContaining("不在本系统的县区名单中");
    }
}
