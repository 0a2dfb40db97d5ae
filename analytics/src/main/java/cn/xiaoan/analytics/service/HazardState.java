package cn.xiaoan.analytics.service;

import cn.xiaoan.analytics.figure.Figure;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which hazards of a cell a drill-down lists: those a figure counts, with that figure's predicate
 * ({@code sql/drill/hazards.sql} repeats the predicates of {@code figures.sql}), or every hazard.
 */
public enum HazardState {
    FOUND("found", Figure.FOUND),
    MAJOR_FOUND("major_found", Figure.MAJOR_FOUND),
    RECTIFIED("rectified", Figure.RECTIFIED),
    OPEN("open", Figure.OPEN),
    OVERDUE("overdue", Figure.OVERDUE),
    MAJOR_OPEN("major_open", Figure.MAJOR_OPEN),
    LEGACY_MAJOR_OPEN("legacy_major_open", Figure.LEGACY_MAJOR_OPEN),
    ALL("all", null);

    private final String code;
    private final Figure counted;

    HazardState(String code, Figure counted) {
        this.code = code;
        this.counted = counted;
    }

    public String code() {
        return code;
    }

    /** The figure whose value equals the number of hazards listed in this state (none for {@link #ALL}). */
    public Optional<Figure> countedBy() {
        return Optional.ofNullable(counted);
    }

    public static HazardState fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(state -> state.code.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot list hazards in state \"" + code
                        + "\": expected one of "
                        + Arrays.stream(values()).map(HazardState::code).collect(Collectors.joining(", "))));
    }
}
