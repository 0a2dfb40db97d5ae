package cn.xiaoan.analytics.service;

import java.time.LocalDate;

/** A school that submitted no ledger in the month; {@code lastReportDate} is null when it never did. */
public record SilentSchool(
        String schoolCode, String schoolName, String districtCode, String schoolType, LocalDate lastReportDate) {}
