package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.ModelVersion;
import java.time.LocalDate;
import java.util.List;

/**
 * The 整改责任清单 as asked: the as-of date it was taken at, the hazards (at most the limit asked for) and how many
 * match in all.
 */
public record ResponsibilityList(
        ResponsibilityQuery query,
        LocalDate asOf,
        long total,
        List<ResponsibilityItem> items,
        ModelVersion modelVersion) {
    public ResponsibilityList {
        requireNonNull(query, "query");
        requireNonNull(asOf, "asOf");
        items = List.copyOf(items);
        requireNonNull(modelVersion, "modelVersion");
    }

    /** Whether the items are fewer than the hazards that match. */
    public boolean truncated() {
        return items.size() < total;
    }
}
