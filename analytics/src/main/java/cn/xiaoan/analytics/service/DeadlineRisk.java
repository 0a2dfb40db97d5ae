package cn.xiaoan.analytics.service;

import java.time.LocalDate;

/** An open hazard not yet past its deadline, with the projected probability that it is still open on that day. */
public record DeadlineRisk(
        String hazardId,
        String schoolCode,
        String schoolName,
        String districtCode,
        String category,
        String severity,
        LocalDate foundDate,
        LocalDate deadline,
        double missProbability) {}
