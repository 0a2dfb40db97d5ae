package cn.xiaoan.analytics.serving;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.FactSource;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {
    private static final Period PERIOD = new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-10-31"));

    @Test
    void evictsTheLeastRecentlyUsedAnswersWhenTheirBytesExceedTheBudget() {
        long oneAnswer = AnswerCache.estimatedBytes(answer(100));
        var cache = new AnswerCache(oneAnswer * 3);
        cache.answer(question(1), () -> answer(100));
        cache.answer(question(2), () -> answer(100));
        cache.answer(question(3), () -> answer(100));
        cache.answer(question(1), () -> {
            throw new AssertionError("cached");
        });
        cache.answer(question(4), () -> answer(100));

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.bytes()).isLessThanOrEqualTo(oneAnswer * 3);
        // 2 was used least recently, so it went; 1 was asked again and stayed
        var recomputed = new ArrayList<Integer>();
        cache.answer(question(1), () -> {
            recomputed.add(1);
            return answer(100);
        });
        cache.answer(question(2), () -> {
            recomputed.add(2);
            return answer(100);
        });
        assertThat(recomputed).containsExactly(2);
    }

    @Test
    void keepsNoAnswerLargerThanTheWholeBudget() {
        var cache = new AnswerCache(AnswerCache.estimatedBytes(answer(10)) * 2);
        cache.answer(question(1), () -> answer(10));
        cache.answer(question(2), () -> answer(10_000));
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.bytes()).isEqualTo(AnswerCache.estimatedBytes(answer(10)));
    }

    @Test
    void estimatesAboutTheJsonSizeOfAnAnswer() {
        long perRow = (AnswerCache.estimatedBytes(answer(1000)) - AnswerCache.estimatedBytes(answer(0))) / 1000;
        // every figure as "code":value, (~30 bytes each) plus the district key
        assertThat(perRow).isBetween(Figure.values().length * 20L, Figure.values().length * 45L);
    }

    private static AnswerCache.Key question(long n) {
        return new AnswerCache.Key(
                "model_v" + n,
                List.of(Dimension.DISTRICT),
                Map.of(),
                PERIOD,
                PERIOD.to(),
                FactSource.HAZARD_FACTS,
                EnumSet.allOf(Figure.class));
    }

    private static FigureTable answer(int rows) {
        var list = new ArrayList<FigureRow>();
        for (int i = 0; i < rows; i++) {
            list.add(
                    new FigureRow(List.of(String.format("%06d", i)), Collections.nCopies(Figure.values().length, 1.5)));
        }
        return new FigureTable(
                List.of(Dimension.DISTRICT),
                Map.of(),
                PERIOD,
                PERIOD.to(),
                new ModelVersion(1, List.of(), java.time.Instant.EPOCH),
                FactSource.HAZARD_FACTS,
                list);
    }
}
