package cn.xiaoan.analytics.service;

import java.time.LocalDate;

/**
 * A hazard rectified long ago and still not signed off (已整改未销号): the rectification waits for the acceptance check
 * that closes it. {@code daysSinceRectified} counts from the rectified date to the as-of date.
 */
public record UnclosedRectification(
        String hazardId,
        String schoolCode,
        String schoolName,
        String districtCode,
        String category,
        String severity,
        LocalDate foundDate,
        LocalDate rectifiedDate,
        String responsiblePerson,
        String description,
        int daysSinceRectified) {}
