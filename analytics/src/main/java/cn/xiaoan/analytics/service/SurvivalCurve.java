package cn.xiaoan.analytics.service;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The Kaplan–Meier estimate of S(t), the probability that a hazard is still open t days after it was found, from
 * durations in whole days: a rectified hazard is an event at its time to rectify, a hazard still open is censored at
 * its age. With n_i hazards at risk (duration ≥ t_i) and d_i rectified at t_i, S(t) = Π_{t_i ≤ t} (1 − d_i / n_i);
 * Greenwood's variance is S(t)² Σ_{t_i ≤ t} d_i / (n_i (n_i − d_i)). Past the longest observed duration S stays at
 * its last value: the history says nothing about later rectifications, so none are assumed.
 */
public final class SurvivalCurve {
    /** One group of observations: {@code hazards} hazards that lasted {@code days}, rectified then or censored. */
    public record Observation(int days, boolean rectified, long hazards) {
        public Observation {
            if (days < 0 || hazards < 0) {
                throw new IllegalArgumentException("Cannot observe " + hazards + " hazards over " + days + " days");
            }
        }
    }

    private final int[] times;
    private final double[] survival;
    private final double[] greenwood;
    private final long hazards;
    private final long rectified;

    private SurvivalCurve(int[] times, double[] survival, double[] greenwood, long hazards, long rectified) {
        this.times = times;
        this.survival = survival;
        this.greenwood = greenwood;
        this.hazards = hazards;
        this.rectified = rectified;
    }

    /** The estimate from any number of observation groups, in any order. */
    public static SurvivalCurve estimate(List<Observation> observations) {
        var events = new TreeMap<Integer, Long>();
        var leaving = new TreeMap<Integer, Long>();
        long total = 0;
        long rectified = 0;
        for (Observation o : observations) {
            total += o.hazards();
            leaving.merge(o.days(), o.hazards(), Long::sum);
            if (o.rectified()) {
                rectified += o.hazards();
                events.merge(o.days(), o.hazards(), Long::sum);
            }
        }
        var times = new ArrayList<Integer>();
        var survival = new ArrayList<Double>();
        var greenwood = new ArrayList<Double>();
        long atRisk = total;
        double s = 1;
        double sum = 0;
        for (var entry : leaving.entrySet()) {
            int t = entry.getKey();
            long d = events.getOrDefault(t, 0L);
            if (d > 0) {
                s *= 1 - (double) d / atRisk;
                sum += atRisk == d ? Double.POSITIVE_INFINITY : (double) d / ((double) atRisk * (atRisk - d));
                times.add(t);
                survival.add(s);
                greenwood.add(sum);
            }
            atRisk -= entry.getValue();
        }
        return new SurvivalCurve(
                times.stream().mapToInt(Integer::intValue).toArray(),
                survival.stream().mapToDouble(Double::doubleValue).toArray(),
                greenwood.stream().mapToDouble(Double::doubleValue).toArray(),
                total,
                rectified);
    }

    /** S(t): the estimated probability of being still open t days after found (1 for t < 0). */
    public double survival(int days) {
        int i = lastEventAtOrBefore(days);
        return i < 0 ? 1 : survival[i];
    }

    /** Greenwood's standard error of S(t); 0 before the first event, NaN once S reached 0. */
    public double standardError(int days) {
        int i = lastEventAtOrBefore(days);
        if (i < 0) {
            return 0;
        }
        return Double.isInfinite(greenwood[i]) ? Double.NaN : survival[i] * Math.sqrt(greenwood[i]);
    }

    /**
     * The probability that a hazard open at age {@code ageNow} is still open at age {@code ageThen}: S(then) / S(now).
     * A hazard older than every rectified one (S(now) = 0) has no history to go by and is taken to stay open.
     */
    public double stillOpen(int ageNow, int ageThen) {
        if (ageThen <= ageNow) {
            return 1;
        }
        double now = survival(ageNow);
        return now == 0 ? 1 : survival(ageThen) / now;
    }

    /** The smallest t with S(t) ≤ 0.5, or null when the curve stays above one half. */
    public Integer medianDays() {
        for (int i = 0; i < times.length; i++) {
            if (survival[i] <= 0.5) {
                return times[i];
            }
        }
        return null;
    }

    /** How many hazards the estimate was made from. */
    public long hazards() {
        return hazards;
    }

    /** How many of them were rectified (the events). */
    public long rectified() {
        return rectified;
    }

    private int lastEventAtOrBefore(int days) {
        int low = 0;
        int high = times.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (times[mid] <= days) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}
