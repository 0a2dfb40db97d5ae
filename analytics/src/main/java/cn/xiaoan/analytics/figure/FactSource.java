package cn.xiaoan.analytics.figure;

import static cn.xiaoan.analytics.figure.Dimension.CATEGORY;
import static cn.xiaoan.analytics.figure.Dimension.DISTRICT;
import static cn.xiaoan.analytics.figure.Dimension.SEVERITY;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where hazard figures are read from: every hazard, or one of the cubes that answer month-aligned questions exactly
 * (see model/hazard_cube.sql), smallest last. All have the same columns; a cube lacking a dimension holds NULL there.
 */
public enum FactSource {
    /** One row per hazard ({@code hazard_facts}): any period and as-of date. */
    HAZARD_FACTS("hazard_facts", EnumSet.allOf(Dimension.class)),
    /** Hazards summed by every dimension and by found, deadline and rectified month. */
    HAZARD_CUBE("hazard_cube", EnumSet.allOf(Dimension.class)),
    /** The cube summed over school type, boarding and inspection type. */
    HAZARD_CUBE_DISTRICT_CATEGORY("hazard_cube_district_category", timeAnd(DISTRICT, CATEGORY, SEVERITY)),
    /** The cube summed over category as well. */
    HAZARD_CUBE_DISTRICT("hazard_cube_district", timeAnd(DISTRICT, SEVERITY));

    private final String table;
    private final Set<Dimension> dimensions;

    FactSource(String table, Set<Dimension> dimensions) {
        this.table = table;
        this.dimensions = dimensions;
    }

    public String table() {
        return table;
    }

    /** Whether this source can tell these dimensions' members apart. */
    public boolean holds(Collection<Dimension> wanted) {
        return dimensions.containsAll(wanted);
    }

    /** The smallest source that answers the question exactly: a cube when P and D are month-aligned, else hazards. */
    public static FactSource fastestExactFor(Period period, LocalDate asOf, Collection<Dimension> dimensionsUsed) {
        if (!answersExactly(period, asOf)) {
            return HAZARD_FACTS;
        }
        FactSource fastest = HAZARD_CUBE;
        for (FactSource source : values()) {
            if (source != HAZARD_FACTS && source.holds(dimensionsUsed)) {
                fastest = source;
            }
        }
        return fastest;
    }

    /** Whether the cubes answer this period and as-of date exactly: whole months, as of a month's last day. */
    public static boolean answersExactly(Period period, LocalDate asOf) {
        return period.from().getDayOfMonth() == 1
                && period.to().getDayOfMonth() == period.to().lengthOfMonth()
                && asOf.getDayOfMonth() == asOf.lengthOfMonth();
    }

    private static Set<Dimension> timeAnd(Dimension... dimensions) {
        Set<Dimension> set = EnumSet.of(Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR);
        set.addAll(Set.of(dimensions));
        return set;
    }
}
