package cn.xiaoan.analytics.service;

import java.time.LocalDate;

/**
 * One hazard of a drill-down list in its current state, with its school's attributes.
 *
 * @param daysOverdue days past the deadline at the as-of date for a hazard overdue then, else null
 * @param responsibleUnit 整改责任单位, null when the ledger names none
 * @param supervised listed for supervision (督办); null when the ledger does not say
 */
public record HazardItem(
        String hazardId,
        String schoolCode,
        String schoolName,
        String districtCode,
        String districtName,
        String schoolType,
        String boarding,
        String category,
        String severity,
        String inspectionType,
        LocalDate foundDate,
        LocalDate deadline,
        String status,
        LocalDate rectifiedDate,
        String responsiblePerson,
        String temporaryMeasures,
        String description,
        String location,
        Integer daysOverdue,
        String responsibleUnit,
        Boolean supervised) {}
