package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.Period;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A figure broken down by two dimensions. An absent as-of date means the period's end, else the latest report date in
 * the model (today when it has none); an absent period means the year of the as-of date up to that date.
 */
public record HeatmapRequest(
        Dimension rows,
        Dimension columns,
        Figure metric,
        Optional<LocalDate> asOf,
        Optional<Period> period,
        Map<Dimension, Set<String>> filters) {
    /** The whole city, unfiltered. */
    public HeatmapRequest(
            Dimension rows, Dimension columns, Figure metric, Optional<LocalDate> asOf, Optional<Period> period) {
        this(rows, columns, metric, asOf, period, Map.of());
    }

    public HeatmapRequest {
        filters = Map.copyOf(filters);
        requireNonNull(rows, "rows");
        requireNonNull(columns, "columns");
        requireNonNull(metric, "metric");
        requireNonNull(asOf, "asOf");
        requireNonNull(period, "period");
        if (rows == columns) {
            throw new IllegalArgumentException("Cannot build heatmap: rows and columns are both " + rows.code()
                    + "; choose two different dimensions from " + Dimension.codes());
        }
    }

    /** The same heatmap, filtered (e.g. to the caller's district). */
    public HeatmapRequest filtered(Map<Dimension, Set<String>> newFilters) {
        return new HeatmapRequest(rows, columns, metric, asOf, period, newFilters);
    }

    /** The bureau leader's default: risk index by district × category at the latest report date. */
    public static HeatmapRequest riskByDistrictAndCategory() {
        return new HeatmapRequest(
                Dimension.DISTRICT, Dimension.CATEGORY, Figure.RISK_INDEX, Optional.empty(), Optional.empty());
    }
}
