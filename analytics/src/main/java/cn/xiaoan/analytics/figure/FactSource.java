package cn.xiaoan.analytics.figure;

import static cn.xiaoan.analytics.figure.Dimension.CATEGORY;
import static cn.xiaoan.analytics.figure.Dimension.DISTRICT;
import static cn.xiaoan.analytics.figure.Dimension.SEVERITY;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
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
    HAZARD_CUBE_DISTRICT("hazard_cube_district", timeAnd(DISTRICT, SEVERITY)),
    /**
     * Cumulative counts by district, category, severity and day ({@code model/hazard_asof_cube.sql}): any period and
     * as-of date, but only the figures of {@link #ASOF_FIGURES} and no time breakdown.
     */
    HAZARD_ASOF_CUBE("hazard_asof_cube", EnumSet.of(DISTRICT, CATEGORY, SEVERITY));

    /**
     * The figures the as-of cube answers: stocks at one date and flows between two (found, resolved). The hazard
     * figures left out pair a date in P with one at D (found in P and rectified or signed off by D), which cumulative
     * counts by one date cannot tell; the school-based figures are left to the other sources so that the cube's
     * questions skip the schools' parts.
     */
    public static final Set<Figure> ASOF_FIGURES = Collections.unmodifiableSet(EnumSet.of(
            Figure.FOUND,
            Figure.MAJOR_FOUND,
            Figure.OPEN,
            Figure.OVERDUE,
            Figure.MAJOR_OPEN,
            Figure.LEGACY_MAJOR_OPEN,
            Figure.SELF_FOUND_SHARE,
            Figure.RISK_INDEX,
            Figure.STOCK_FLOW_OPENING,
            Figure.STOCK_FLOW_NEW,
            Figure.STOCK_FLOW_RESOLVED,
            Figure.STOCK_FLOW_CLOSING,
            Figure.RECTIFIED_NOT_CLOSED));

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

    /** Whether this source answers every figure (all but the as-of cube do). */
    public boolean answersEveryFigure() {
        return this != HAZARD_ASOF_CUBE;
    }

    /** Of these figures, those this source answers. */
    public Set<Figure> answered(Collection<Figure> figures) {
        EnumSet<Figure> answered = EnumSet.noneOf(Figure.class);
        figures.stream().filter(this::answers).forEach(answered::add);
        return answered;
    }

    /** Whether this source answers the figure (null in its rows otherwise). */
    public boolean answers(Figure figure) {
        return answersEveryFigure() || ASOF_FIGURES.contains(figure);
    }

    /**
     * The smallest source that answers these figures of the question exactly: the as-of cube when it holds the
     * figures and dimensions, else a month cube when P and D are month-aligned, else hazards.
     */
    public static FactSource fastestExactFor(
            Period period, LocalDate asOf, Collection<Dimension> dimensionsUsed, Collection<Figure> wanted) {
        if (ASOF_FIGURES.containsAll(wanted) && HAZARD_ASOF_CUBE.holds(dimensionsUsed)) {
            return HAZARD_ASOF_CUBE;
        }
        return fastestExactFor(period, asOf, dimensionsUsed);
    }

    /**
     * The smallest source that answers every figure of the question exactly: a cube when P and D are month-aligned,
     * else hazards.
     */
    public static FactSource fastestExactFor(Period period, LocalDate asOf, Collection<Dimension> dimensionsUsed) {
        if (!answersExactly(period, asOf)) {
            return HAZARD_FACTS;
        }
        FactSource fastest = HAZARD_CUBE;
        for (FactSource source : values()) {
            if (source != HAZARD_FACTS && source.answersEveryFigure() && source.holds(dimensionsUsed)) {
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
