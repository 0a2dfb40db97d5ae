package cn.xiaoan.analytics.service;

import java.time.LocalDate;

/**
 * An open MAJOR hazard whose ledger leaves out what the seeds require of one (a deadline, a responsible unit), with
 * what a leader needs to chase it; {@code deadline}, {@code responsibleUnit} and {@code supervised} may be null.
 *
 * @param daysOpen days from found to the as-of date
 */
public record MajorHazardGap(
        String hazardId,
        String schoolCode,
        String schoolName,
        String districtCode,
        String category,
        String severity,
        String inspectionType,
        LocalDate foundDate,
        LocalDate deadline,
        String responsiblePerson,
        String responsibleUnit,
        Boolean supervised,
        String description,
        int daysOpen) {}
