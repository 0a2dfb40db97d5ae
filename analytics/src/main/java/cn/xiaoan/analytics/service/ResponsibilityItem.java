package cn.xiaoan.analytics.service;

import java.time.LocalDate;

/**
 * One hazard of the 整改责任清单: what it is, what was decided for it and who answers for it. Codes (category, severity,
 * status) as in the model; {@code responsibleUnit}, {@code deadline} and the 督办 fields may be null.
 *
 * @param statusName the status's Chinese name (the code when the reference data lack it)
 * @param daysOverdue days past the deadline at the list's as-of date for a hazard overdue then, else null
 */
public record ResponsibilityItem(
        String districtCode,
        String districtName,
        String schoolCode,
        String schoolName,
        String hazardId,
        String category,
        String severity,
        String location,
        String description,
        String measures,
        String temporaryMeasures,
        String responsibleUnit,
        String responsiblePerson,
        LocalDate foundDate,
        LocalDate deadline,
        String status,
        String statusName,
        LocalDate rectifiedDate,
        LocalDate closedDate,
        Boolean supervised,
        String supervisedBy,
        LocalDate supervisedDate,
        Integer daysOverdue) {}
