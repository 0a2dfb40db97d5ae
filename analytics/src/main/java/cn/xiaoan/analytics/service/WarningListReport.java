package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/** One warning list paged on its own (a leader's "next page"), with what the question resolved to. */
public record WarningListReport(
        WarningKind kind,
        Period period,
        LocalDate asOf,
        YearMonth submissionMonth,
        Set<String> districts,
        ModelVersion modelVersion,
        int signOffDays,
        WarningList<?> list) {
    public WarningListReport {
        requireNonNull(kind, "kind");
        districts = Set.copyOf(districts);
        requireNonNull(list, "list");
    }
}
