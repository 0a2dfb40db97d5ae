package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** One school's standing on one period of a return: its status, and the date and rows of the return that counted. */
public record ReturnCell(
        String schoolCode,
        String schoolName,
        String districtCode,
        int period,
        ReturnStatus status,
        LocalDate returnedOn,
        Long rows) {
    public ReturnCell {
        requireNonNull(schoolCode, "schoolCode");
        requireNonNull(status, "status");
    }
}
