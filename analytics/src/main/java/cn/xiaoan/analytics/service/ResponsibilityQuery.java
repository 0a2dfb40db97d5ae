package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.HazardStatus;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which hazards the 整改责任清单 lists: some districts (none: all in scope), either those open at the as-of date or
 * those whose ledger status is one of {@code statuses}, optionally only those listed for supervision (督办).
 *
 * @param asOf the list's date (absent: the model's latest report date); hazards found after it are left out
 * @param statuses the ledger statuses listed; empty means the hazards open at the as-of date
 */
public record ResponsibilityQuery(
        Optional<LocalDate> asOf, Set<String> districts, Set<HazardStatus> statuses, boolean supervisedOnly) {
    public ResponsibilityQuery {
        requireNonNull(asOf, "asOf");
        districts = Set.copyOf(districts);
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** The hazards still to rectify at the model's latest report date, every district in scope. */
    public static ResponsibilityQuery open() {
        return new ResponsibilityQuery(Optional.empty(), Set.of(), Set.of(), false);
    }

    public boolean openOnly() {
        return statuses.isEmpty();
    }

    /**
     * Statuses as the API and command line spell them: codes, any case, comma-separated; {@code open} (or nothing)
     * for the hazards open at the as-of date, {@code all} for every status.
     */
    public static Set<HazardStatus> statuses(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("open")) {
            return Set.of();
        }
        if (text.strip().equalsIgnoreCase("all")) {
            return EnumSet.allOf(HazardStatus.class);
        }
        var statuses = EnumSet.noneOf(HazardStatus.class);
        for (String code : text.split(",")) {
            String wanted = code.strip().toUpperCase(Locale.ROOT);
            statuses.add(Arrays.stream(HazardStatus.values())
                    .filter(status -> status.code().equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("整改状态 \"" + code.strip() + "\" 无效，应为 open、all 或 "
                            + codes() + " / unknown status \"" + code.strip() + "\": use open, all or " + codes())));
        }
        return statuses;
    }

    private static String codes() {
        return Arrays.stream(HazardStatus.values()).map(HazardStatus::code).collect(Collectors.joining(","));
    }
}
