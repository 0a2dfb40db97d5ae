package cn.xiaoan.analytics.service;

/** A school whose self-inspection found far fewer hazards than supervision did in the period. */
public record WeakSelfInspection(
        String schoolCode,
        String schoolName,
        String districtCode,
        String schoolType,
        long selfFound,
        long supervisionFound) {}
