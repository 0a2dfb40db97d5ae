package cn.xiaoan.analytics.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Knowledge times as people type them, and as answers carry them. */
class KnowledgeTest {
    @Test
    void aDateMeansTheEndOfThatDayInBeijing() {
        Knowledge knowledge =
                QuestionText.knowledge(QuestionText.Spelling.URL, Optional.of("2026-11-25"), Optional.empty());

        assertThat(knowledge.knownAt()).contains(Instant.parse("2026-11-25T15:59:59.999999999Z"));
        assertThat(knowledge.reportedBy()).isEmpty();
    }

    @Test
    void anInstantKeepsItsOffsetAndReportedByIsADate() {
        Knowledge knowledge = QuestionText.knowledge(
                QuestionText.Spelling.COMMAND_LINE,
                Optional.of("2026-11-25T18:00:00+08:00"),
                Optional.of("2026-11-20"));

        assertThat(knowledge.knownAt()).contains(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(knowledge.reportedBy()).contains(LocalDate.parse("2026-11-20"));
        assertThat(knowledge.describe())
                .contains("known at 2026-11-25T18:00+08:00")
                .contains("reported by 2026-11-20");
    }

    @Test
    void aTimeWithoutOffsetIsBeijingTime() {
        assertThat(QuestionText.knowledge(QuestionText.Spelling.URL, Optional.of("2026-11-25T18:00"), Optional.empty())
                        .knownAt())
                .contains(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void blanksMeanAsKnownNowAndMistakesNameTheParameter() {
        assertThat(QuestionText.knowledge(QuestionText.Spelling.URL, Optional.of(" "), Optional.empty()))
                .isEqualTo(Knowledge.LATEST);
        assertThatThrownBy(() -> QuestionText.knowledge(
                        QuestionText.Spelling.COMMAND_LINE, Optional.of("2026-11-25 18:00"), Optional.empty()))
                .isInstanceOfSatisfying(
                        QuestionTextException.class, e -> assertThat(e.code()).isEqualTo("invalid_known_at"))
                .hasMessageContaining("--known-at");
        assertThatThrownBy(() ->
                        QuestionText.knowledge(QuestionText.Spelling.URL, Optional.empty(), Optional.of("2026-13-01")))
                .hasMessageContaining("reportedBy");
    }

    @Test
    void aModelVersionSerialisesWithOnlyTheKnowledgeAsked() throws Exception {
        var mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        var known = new ModelVersion(
                3,
                List.of(1L, 2L),
                Instant.parse("2026-11-26T00:00:00Z"),
                Knowledge.knownAt(Instant.parse("2026-11-25T10:00:00Z")));
        var latest = new ModelVersion(3, List.of(1L, 2L), Instant.parse("2026-11-26T00:00:00Z"));

        assertThat(mapper.readTree(mapper.writeValueAsString(known))
                        .get("knowledge")
                        .toString())
                .isEqualTo("{\"knownAt\":\"2026-11-25T10:00:00Z\"}");
        assertThat(mapper.readTree(mapper.writeValueAsString(latest))
                        .get("knowledge")
                        .toString())
                .isEqualTo("{}");
    }
}
