package cn.xiaoan.analytics.service;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.SortDirection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One page of a drill-down list, with the question as resolved (period, as-of date, codes as the model spells them)
 * and the total number of hazards matching it.
 */
public record HazardPage(
        Period period,
        LocalDate asOf,
        HazardState state,
        Map<Dimension, Set<String>> filters,
        Set<String> schools,
        String text,
        HazardSort sort,
        SortDirection direction,
        int page,
        int size,
        long total,
        List<HazardItem> items,
        ModelVersion modelVersion) {
    public HazardPage {
        items = List.copyOf(items);
    }

    public long pages() {
        return (total + size - 1) / size;
    }
}
