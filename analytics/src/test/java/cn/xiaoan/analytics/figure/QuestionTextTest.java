package cn.xiaoan.analytics.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.figure.QuestionText.Spelling;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionTextTest {
    @Test
    void readsAWholeQuestionAsTyped() {
        Question question = QuestionText.parse(
                Spelling.URL,
                Optional.of("2026-01-01"),
                Optional.of(" 2026-06-30 "),
                Optional.of("2026-06-30"),
                List.of("district,category", "month"),
                List.of("severity=MAJOR", "district=140902, 140921"));

        assertThat(question.period())
                .contains(new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-30")));
        assertThat(question.asOf()).contains(LocalDate.parse("2026-06-30"));
        assertThat(question.by()).containsExactly(Dimension.DISTRICT, Dimension.CATEGORY, Dimension.MONTH);
        assertThat(question.filters())
                .isEqualTo(Map.of(Dimension.SEVERITY, Set.of("MAJOR"), Dimension.DISTRICT, Set.of("140902", "140921")));
    }

    @Test
    void readsABlankDateAsNoneGiven() {
        Question question = QuestionText.parse(
                Spelling.URL, Optional.of(" "), Optional.empty(), Optional.of(""), List.of(), List.of());

        assertThat(question.period()).isEmpty();
        assertThat(question.asOf()).isEmpty();
    }

    @Test
    void namesTheDateParameterAsTheCallerWroteIt() {
        assertThatThrownBy(() -> QuestionText.parse(
                        Spelling.URL,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("2026-13-01"),
                        List.of(),
                        List.of()))
                .isInstanceOfSatisfying(
                        QuestionTextException.class, e -> assertThat(e.code()).isEqualTo("invalid_date"))
                .hasMessage("Parameter asOf=\"2026-13-01\" is not a date: use YYYY-MM-DD, e.g. 2026-10-31");
        assertThatThrownBy(() -> QuestionText.parse(
                        Spelling.COMMAND_LINE,
                        Optional.of("2026-1-1"),
                        Optional.of("2026-06-30"),
                        Optional.empty(),
                        List.of(),
                        List.of()))
                .isInstanceOfSatisfying(
                        QuestionTextException.class, e -> assertThat(e.code()).isEqualTo("invalid_date"))
                .hasMessage("Parameter --from=\"2026-1-1\" is not a date: use YYYY-MM-DD, e.g. 2026-10-31");
    }

    @Test
    void refusesHalfAPeriodInEitherSpelling() {
        assertThatThrownBy(() -> QuestionText.period(Spelling.URL, Optional.empty(), Optional.of("2026-06-30")))
                .isInstanceOfSatisfying(
                        QuestionTextException.class, e -> assertThat(e.code()).isEqualTo("incomplete_period"))
                .hasMessageStartingWith("Give both from and to (YYYY-MM-DD), or neither");
        assertThatThrownBy(
                        () -> QuestionText.period(Spelling.COMMAND_LINE, Optional.of("2026-01-01"), Optional.empty()))
                .isInstanceOfSatisfying(
                        QuestionTextException.class, e -> assertThat(e.code()).isEqualTo("incomplete_period"))
                .hasMessageStartingWith("Give both --from and --to (YYYY-MM-DD), or neither");
    }

    @Test
    void leavesOtherMistakesToTheGeneralCode() {
        assertThatThrownBy(() -> QuestionText.filters(List.of("district")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot read filter \"district\"");
    }
}
