package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Period;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Which warnings: as of D (default: the latest report date), over the period P (default: D's year to date) for the
 * self-inspection comparison, for some districts (empty: the whole city), which page of each list.
 */
public record WarningRequest(
        Optional<Period> period, Optional<LocalDate> asOf, Set<String> districts, WarningPage page) {
    public WarningRequest {
        requireNonNull(period, "period");
        requireNonNull(asOf, "asOf");
        districts = Set.copyOf(districts);
        requireNonNull(page, "page");
    }

    /** The first page of each list. */
    public WarningRequest(Optional<Period> period, Optional<LocalDate> asOf, Set<String> districts) {
        this(period, asOf, districts, WarningPage.first());
    }

    /** The whole city at the defaults. */
    public static WarningRequest city() {
        return new WarningRequest(Optional.empty(), Optional.empty(), Set.of());
    }
}
