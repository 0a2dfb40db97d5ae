package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.xiaoan.analytics.service.SurvivalCurve.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kaplan–Meier by hand. Six hazards: rectified after 2, 3, 5 and 8 days; still open (censored) at 3 and 6 days.
 *
 * <pre>
 * t   at risk  rectified  S(t)                     Greenwood Σ d/(n(n−d))
 * 2   6        1          5/6                      1/30
 * 3   5        1          5/6 · 4/5 = 2/3          1/30 + 1/20 = 1/12      (the one censored at 3 is at risk at 3)
 * 5   3        1          2/3 · 2/3 = 4/9          1/12 + 1/6 = 1/4
 * 6   2        0          (censored: no step)
 * 8   1        1          0
 * </pre>
 */
class SurvivalCurveTest {
    private static final SurvivalCurve CURVE = SurvivalCurve.estimate(List.of(
            new Observation(8, true, 1),
            new Observation(2, true, 1),
            new Observation(3, true, 1),
            new Observation(3, false, 1),
            new Observation(5, true, 1),
            new Observation(6, false, 1)));

    @Test
    void stepsDownAtEachRectificationAndNotAtCensoring() {
        assertThat(CURVE.survival(-1)).isEqualTo(1.0);
        assertThat(CURVE.survival(1)).isEqualTo(1.0);
        assertThat(CURVE.survival(2)).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(CURVE.survival(3)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(CURVE.survival(4)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(CURVE.survival(5)).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(CURVE.survival(6)).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(CURVE.survival(8)).isZero();
        assertThat(CURVE.survival(100)).isZero();
        assertThat(CURVE.hazards()).isEqualTo(6);
        assertThat(CURVE.rectified()).isEqualTo(4);
    }

    @Test
    void givesGreenwoodsStandardError() {
        assertThat(CURVE.standardError(1)).isZero();
        // S(3) √(1/12) = 2/3 · 0.288675…
        assertThat(CURVE.standardError(3)).isCloseTo(2.0 / 3 * Math.sqrt(1.0 / 12), within(1e-12));
        // S(5) √(1/4) = 4/9 · 1/2
        assertThat(CURVE.standardError(5)).isCloseTo(2.0 / 9, within(1e-12));
        assertThat(CURVE.standardError(8)).isNaN();
    }

    @Test
    void conditionsOnBeingOpenNow() {
        // open at 3 days: still open at 5 days with S(5)/S(3) = (4/9)/(2/3) = 2/3
        assertThat(CURVE.stillOpen(3, 5)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(CURVE.stillOpen(5, 5)).isEqualTo(1.0);
        // older than every rectified hazard: no history to go by, taken to stay open
        assertThat(CURVE.stillOpen(9, 20)).isEqualTo(1.0);
    }

    @Test
    void findsTheMedianWhereTheCurveFirstReachesOneHalf() {
        assertThat(CURVE.medianDays()).isEqualTo(5);
        var mostlyOpen = SurvivalCurve.estimate(List.of(new Observation(4, true, 1), new Observation(9, false, 3)));
        assertThat(mostlyOpen.medianDays()).isNull();
        assertThat(mostlyOpen.survival(30)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void countsGroupedObservationsAsTheirHazards() {
        var grouped = SurvivalCurve.estimate(List.of(new Observation(2, true, 3), new Observation(4, false, 1)));
        var single = SurvivalCurve.estimate(List.of(
                new Observation(2, true, 1),
                new Observation(2, true, 1),
                new Observation(2, true, 1),
                new Observation(4, false, 1)));
        assertThat(grouped.survival(2)).isEqualTo(single.survival(2)).isCloseTo(0.25, within(1e-12));
    }
}
