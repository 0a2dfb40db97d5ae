package cn.xiaoan.analytics.service;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.TimeGrain;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A series of every figure over time, as resolved: each point's rows are keyed by {@code by} like a FigureTable. */
public record Trend(
        TimeGrain grain,
        Period range,
        LocalDate asOf,
        List<Dimension> by,
        Map<Dimension, Set<String>> filters,
        List<TrendPoint> points,
        ModelVersion modelVersion) {
    public Trend {
        by = List.copyOf(by);
        points = List.copyOf(points);
    }
}
