package cn.xiaoan.api.cli.bench;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of durations in milliseconds. */
final class Latencies {
    private final double[] sorted;

    private Latencies(double[] sorted) {
        this.sorted = sorted;
    }

    static Latencies of(List<Double> millis) {
        double[] values = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return new Latencies(values);
    }

    int count() {
        return sorted.length;
    }

    double percentile(int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
