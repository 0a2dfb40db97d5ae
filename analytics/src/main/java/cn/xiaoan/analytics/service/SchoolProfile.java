package cn.xiaoan.analytics.service;

import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A school page: the school, its hazard counts at the as-of date (the drill-down lists' totals, so each equals the
 * list a click opens), its hazards by found month, its open items by deadline, its latest drills and facility survey.
 *
 * @param period the as-of date's year to date, over which {@code found} counts
 * @param history the last 24 months up to the as-of date
 */
public record SchoolProfile(
        School school,
        LocalDate asOf,
        Period period,
        Counts counts,
        List<Month> history,
        HazardPage openItems,
        List<Drill> drills,
        Optional<Survey> survey,
        ModelVersion modelVersion) {
    public SchoolProfile {
        history = List.copyOf(history);
        drills = List.copyOf(drills);
    }

    /** The register's latest row of the school. */
    public record School(
            String code,
            String name,
            String districtCode,
            String districtNameZh,
            String districtNameEn,
            String schoolType,
            String boarding,
            Integer students,
            LocalDate reportDate) {}

    /** Hazards found in the period, and open, overdue and MAJOR open at the as-of date. */
    public record Counts(long found, long open, long overdue, long majorOpen) {}

    /** Hazards found in a month, of which MAJOR and of which still open at the as-of date. */
    public record Month(String month, long found, long majorFound, long stillOpen) {}

    public record Drill(LocalDate date, String type) {}

    /** The six "100%" indicators as the latest survey on or before the as-of date states them. */
    public record Survey(
            LocalDate date,
            Boolean closedManagement,
            Boolean fullTimeGuards,
            Boolean oneKeyAlarm,
            Boolean videoPoliceLink,
            Boolean schoolGuardPost,
            Boolean antiRamBarriers) {}
}
