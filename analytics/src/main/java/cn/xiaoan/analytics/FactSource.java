package cn.xiaoan.analytics;

/** Where hazard figures are read from: every hazard, or the cube that answers month-aligned questions exactly. */
public enum FactSource {
    /** One row per hazard ({@code hazard_facts}): any period and as-of date. */
    HAZARD_FACTS("hazard_facts"),
    /** Hazards summed by breakdown and month ({@code hazard_cube}): periods of whole months, as-of a month's end. */
    HAZARD_CUBE("hazard_cube");

    private final String table;

    FactSource(String table) {
        this.table = table;
    }

    String table() {
        return table;
    }

    /** The cube when it answers this period and as-of date exactly (see model/hazard_cube.sql), else every hazard. */
    static FactSource fastestExactFor(Period period, java.time.LocalDate asOf) {
        return answersExactly(period, asOf) ? HAZARD_CUBE : HAZARD_FACTS;
    }

    static boolean answersExactly(Period period, java.time.LocalDate asOf) {
        return period.from().getDayOfMonth() == 1
                && period.to().getDayOfMonth() == period.to().lengthOfMonth()
                && asOf.getDayOfMonth() == asOf.lengthOfMonth();
    }
}
