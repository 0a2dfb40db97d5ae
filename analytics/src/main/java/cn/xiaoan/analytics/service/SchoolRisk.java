package cn.xiaoan.analytics.service;

/**
 * A school's hazards open at the as-of date and their risk points (risk_index's weights: GENERAL 1, MAJOR 5, doubled
 * when overdue), for the riskiest-schools ranking.
 */
public record SchoolRisk(
        String schoolCode,
        String schoolName,
        String districtCode,
        String districtName,
        String schoolType,
        long open,
        long overdue,
        long majorOpen,
        long riskPoints) {}
