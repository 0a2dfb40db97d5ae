package cn.xiaoan.api.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.figure.Dimension;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QuestionDrawerTest {
    private static final LocalDate FIRST = LocalDate.of(2023, 1, 5);
    private static final LocalDate LATEST = LocalDate.of(2026, 10, 31);
    private static final QuestionCatalog CATALOG = new QuestionCatalog(
            Map.of(
                    Dimension.DISTRICT, List.of("140902", "140921", "140922"),
                    Dimension.SCHOOL_TYPE, List.of("PRIMARY", "JUNIOR"),
                    Dimension.BOARDING, List.of("Y", "N"),
                    Dimension.CATEGORY, List.of("FIRE", "ELECTRIC", "BUILDING"),
                    Dimension.SEVERITY, List.of("GENERAL", "MAJOR"),
                    Dimension.INSPECTION_TYPE, List.of("SELF", "BUREAU")),
            List.of("S001", "S002", "S003"),
            FIRST,
            LATEST);

    @Test
    void theSameSeedDrawsTheSameQuestionsAndAnotherSeedOthers() {
        List<DrawnQuestion> first = new QuestionDrawer(CATALOG, 42).draw(100);
        List<DrawnQuestion> again = new QuestionDrawer(CATALOG, 42).draw(100);
        List<DrawnQuestion> other = new QuestionDrawer(CATALOG, 43).draw(100);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void everyNineQuestionsCoverEveryRoute() {
        List<DrawnQuestion> questions = new QuestionDrawer(CATALOG, 7).draw(27);

        for (int round = 0; round < 3; round++) {
            assertThat(questions.subList(round * 9, round * 9 + 9).stream().map(DrawnQuestion::route))
                    .containsExactlyInAnyOrder(QuestionRoute.values());
        }
        assertThat(questions)
                .extracting(DrawnQuestion::path)
                .anyMatch(path -> path.startsWith("/api/v1/figures?"))
                .anyMatch(path -> path.startsWith("/api/v1/figures/compare"))
                .anyMatch(path -> path.startsWith("/api/v1/heatmap?"))
                .anyMatch(path -> path.startsWith("/api/v1/trends?"))
                .anyMatch(path -> path.startsWith("/api/v1/hazards?") && path.contains("page=1"))
                .anyMatch(path -> path.matches("/api/v1/schools/S00\\d\\?asOf=.*"))
                .anyMatch(path -> path.startsWith("/api/v1/schools?") && path.contains("limit=10"))
                .anyMatch(path -> path.startsWith("/api/v1/goals?asOf="))
                .anyMatch(path -> path.startsWith("/api/v1/warnings?asOf="));
    }

    @Test
    void noQuestionIsDrawnTwice() {
        List<DrawnQuestion> questions = new QuestionDrawer(CATALOG, 3).draw(1_000);

        assertThat(questions).extracting(DrawnQuestion::path).doesNotHaveDuplicates();
    }

    @Test
    void asOfDatesFallInTheDataButNeverOnTheLatestReport() {
        List<DrawnQuestion> questions = new QuestionDrawer(CATALOG, 5).draw(500);

        assertThat(questions).allSatisfy(question -> {
            assertThat(question.asOf()).isBetween(FIRST, LATEST.minusDays(1));
            assertThat(question.path()).contains("asOf=" + question.asOf());
        });
    }

    @Test
    void figuresHaveZeroToThreeFiltersAndZeroToTwoBreakdownsAtMostOneOfTime() {
        List<DrawnQuestion> figures = new QuestionDrawer(CATALOG, 11)
                .draw(900).stream()
                        .filter(question -> question.route() == QuestionRoute.FIGURES)
                        .toList();

        var filterCounts = new java.util.TreeSet<Integer>();
        var breakdownCounts = new java.util.TreeSet<Integer>();
        var filtered = EnumSet.noneOf(Dimension.class);
        for (DrawnQuestion question : figures) {
            List<String> filters = values(question.path(), "filter");
            List<String> by = values(question.path(), "by");
            filterCounts.add(filters.size());
            breakdownCounts.add(by.size());
            assertThat(by).doesNotHaveDuplicates();
            assertThat(by.stream()
                            .filter(code -> List.of("month", "quarter", "year").contains(code)))
                    .hasSizeLessThanOrEqualTo(1);
            for (String filter : filters) {
                Dimension dimension = Dimension.fromCode(filter.substring(0, filter.indexOf("%3D")));
                filtered.add(dimension);
                assertThat(CATALOG.members(dimension)).contains(filter.substring(filter.indexOf("%3D") + 3));
            }
        }
        assertThat(filterCounts).containsExactly(0, 1, 2, 3);
        assertThat(breakdownCounts).containsExactly(0, 1, 2);
        assertThat(filtered).hasSize(6);
    }

    @Test
    void aModelOfTwoDaysRunsOutOfQuestionsWithAClearError() {
        var tiny = new QuestionCatalog(CATALOG.members(), CATALOG.schools(), LATEST.minusDays(1), LATEST);
        var drawer = new QuestionDrawer(tiny, 1);

        assertThatThrownBy(() -> drawer.draw(100))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not drawn before")
                .hasMessageContaining("ask fewer questions");
    }

    private static List<String> values(String path, String name) {
        Matcher matcher = Pattern.compile("[?&]" + name + "=([^&]*)").matcher(path);
        var values = new java.util.ArrayList<String>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }
}
