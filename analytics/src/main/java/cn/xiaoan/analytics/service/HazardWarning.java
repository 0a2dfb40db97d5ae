package cn.xiaoan.analytics.service;

import java.time.LocalDate;

/** A hazard on a warning list, with what a leader needs to chase it; {@code deadline} may be null. */
public record HazardWarning(
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
        String temporaryMeasures,
        String description,
        int daysOverdue) {}
