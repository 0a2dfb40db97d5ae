package cn.xiaoan.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureChange;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sentences read naturally whether a value is zero, undefined, rising, falling or unchanged. */
class NarrativeTest {
    private static final LocalDate D = LocalDate.parse("2026-10-31");

    @Test
    void reportsFoundMajorRectifiedAndTheRiseOfTheRate() {
        FigureRow now = row(Map.of(
                Figure.FOUND,
                120.0,
                Figure.MAJOR_FOUND,
                3.0,
                Figure.RECTIFIED,
                102.0,
                Figure.RECTIFICATION_RATE,
                0.85));
        var against = comparison(
                new FigureChange(Figure.FOUND, 120.0, 100.0, 20.0),
                new FigureChange(Figure.RECTIFICATION_RATE, 0.85, 0.80, 0.05000000000000004));
        assertThat(Narrative.overview("全年", now, Optional.of(against)))
                .isEqualTo("全年共排查隐患 120 项，较上年同期增加 20 项，其中重大事故隐患 3 项；已整改 102 项，整改率 85.0%，" + "较上年同期提高 5.0 个百分点。");
    }

    @Test
    void saysFallingAndFlatInWords() {
        var falling = comparison(
                new FigureChange(Figure.FOUND, 80.0, 100.0, -20.0),
                new FigureChange(Figure.RECTIFICATION_RATE, 0.7, 0.8, -0.1));
        FigureRow now = row(Map.of(Figure.FOUND, 80.0, Figure.RECTIFIED, 56.0, Figure.RECTIFICATION_RATE, 0.7));
        assertThat(Narrative.overview("全年", now, Optional.of(falling)))
                .contains("较上年同期减少 20 项")
                .contains("未发现重大事故隐患")
                .contains("较上年同期下降 10.0 个百分点");
        assertThat(Narrative.countChange("上月", new FigureChange(Figure.FOUND, 5.0, 5.0, 0.0)))
                .isEqualTo("与上月持平");
    }

    @Test
    void handlesNothingFoundAndUndefinedRates() {
        FigureRow none = row(Map.of(Figure.FOUND, 0.0));
        assertThat(Narrative.overview("本月", none, Optional.empty())).isEqualTo("本月未排查发现隐患。");
        // rate undefined last year (nothing found then): no comparison rather than a made-up one
        var undefined = comparison(
                new FigureChange(Figure.FOUND, 10.0, 0.0, 10.0),
                new FigureChange(Figure.RECTIFICATION_RATE, 0.5, null, null));
        FigureRow some = row(Map.of(Figure.FOUND, 10.0, Figure.RECTIFIED, 5.0, Figure.RECTIFICATION_RATE, 0.5));
        assertThat(Narrative.overview("全年", some, Optional.of(undefined))).contains("上年同期无可比数据");
        assertThat(Narrative.quality(row(Map.of()))).startsWith("本期尚无到期的整改任务，按期整改率无法计算");
        assertThat(Narrative.percent(null)).isEqualTo("无法计算");
    }

    @Test
    void describesTheStockAtTheAsOfDate() {
        assertThat(Narrative.stock(D, row(Map.of(Figure.OPEN, 0.0)))).isEqualTo("截至2026年10月31日，排查发现的隐患已全部整改，无超期未整改隐患。");
        assertThat(Narrative.stock(
                        D,
                        row(Map.of(
                                Figure.OPEN,
                                9.0,
                                Figure.OVERDUE,
                                2.0,
                                Figure.MAJOR_OPEN,
                                1.0,
                                Figure.LEGACY_MAJOR_OPEN,
                                0.0))))
                .isEqualTo("截至2026年10月31日，尚有未整改隐患 9 项，其中超过整改期限 2 项；重大事故隐患尚有 1 项未整改，" + "2024年前的存量重大隐患已清零。");
        assertThat(Narrative.stock(D, row(Map.of(Figure.OPEN, 4.0, Figure.OVERDUE, 0.0, Figure.MAJOR_OPEN, 0.0))))
                .contains("均在整改期限内")
                .contains("重大事故隐患已全部整改")
                .doesNotContain("销号");
    }

    @Test
    void callsOnlySignedOffHazardsClosedAndCountsTheRectifiedStillWaiting() {
        assertThat(Narrative.signOff(
                        D,
                        row(Map.of(
                                Figure.RECTIFIED, 8.0,
                                Figure.CLOSED, 6.0,
                                Figure.CLOSURE_RATE, 0.75,
                                Figure.DAYS_TO_CLOSE, 12.5,
                                Figure.RECTIFIED_NOT_CLOSED, 3.0))))
                .isEqualTo("本期发现的隐患已验收销号 6 项，占已整改的 75.0%，整改后平均 12.5 天销号；截至2026年10月31日，已整改尚未销号的隐患 3 项。");
        assertThat(Narrative.signOff(
                        D,
                        row(Map.of(
                                Figure.RECTIFIED,
                                4.0,
                                Figure.CLOSED,
                                0.0,
                                Figure.CLOSURE_RATE,
                                0.0,
                                Figure.RECTIFIED_NOT_CLOSED,
                                4.0))))
                .startsWith("本期发现并已整改的 4 项隐患均未验收销号");
        assertThat(Narrative.signOff(D, row(Map.of()))).isEqualTo("本期发现的隐患尚无整改完成，销号率无法计算；截至2026年10月31日，无已整改未销号的隐患。");
    }

    private static FigureRow row(Map<Figure, Double> values) {
        var map = new EnumMap<Figure, Double>(Figure.class);
        map.putAll(values);
        var list = new ArrayList<Double>(Arrays.asList(new Double[Figure.values().length]));
        map.forEach((figure, value) -> list.set(figure.ordinal(), value));
        return new FigureRow(List.of(), list);
    }

    private static Comparison comparison(FigureChange... changes) {
        return new Comparison(
                "上年同期",
                "Same span last year",
                new Period(D.minusYears(1).withDayOfYear(1), D.minusYears(1)),
                D.minusYears(1),
                row(Map.of()),
                List.of(changes));
    }
}
