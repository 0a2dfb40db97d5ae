package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** A number a goal is judged on: one registry figure, narrowed by filters, over a period. */
public record GoalMeasureDefinition(
        String id, LocalizedName name, Figure figure, Map<Dimension, Set<String>> filters, MeasurePeriod period) {
    public GoalMeasureDefinition {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(figure, "figure");
        requireNonNull(period, "period");
        var copy = new EnumMap<Dimension, Set<String>>(Dimension.class);
        filters.forEach((dimension, codes) -> copy.put(dimension, Set.copyOf(codes)));
        filters = Map.copyOf(copy);
    }
}
