package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/**
 * Every warning list for one question, with what made it ({@code signOffDays}: the N of the rectified-not-closed list):
 * each list is one page of it (the request's {@link WarningPage}) with the whole list's total.
 */
public record WarningReport(
        Period period,
        LocalDate asOf,
        YearMonth submissionMonth,
        Set<String> districts,
        ModelVersion modelVersion,
        WarningList<HazardWarning> overdueHazards,
        WarningList<HazardWarning> majorWithoutMeasures,
        WarningList<SilentSchool> silentSchools,
        WarningList<WeakSelfInspection> weakSelfInspection,
        int signOffDays,
        WarningList<UnclosedRectification> rectifiedNotClosed,
        WarningList<MajorHazardGap> majorWithoutDeadline,
        WarningList<MajorHazardGap> majorWithoutResponsibleUnit) {
    public WarningReport {
        districts = Set.copyOf(districts);
        requireNonNull(overdueHazards, "overdueHazards");
        requireNonNull(majorWithoutMeasures, "majorWithoutMeasures");
        requireNonNull(silentSchools, "silentSchools");
        requireNonNull(weakSelfInspection, "weakSelfInspection");
        requireNonNull(rectifiedNotClosed, "rectifiedNotClosed");
        requireNonNull(majorWithoutDeadline, "majorWithoutDeadline");
        requireNonNull(majorWithoutResponsibleUnit, "majorWithoutResponsibleUnit");
    }

    /** How many entries a whole list has (not its page). */
    public int count(WarningKind kind) {
        return list(kind).total();
    }

    /** The page of one list. */
    public WarningList<?> list(WarningKind kind) {
        return switch (kind) {
            case OVERDUE_HAZARDS -> overdueHazards;
            case MAJOR_WITHOUT_MEASURES -> majorWithoutMeasures;
            case SILENT_SCHOOLS -> silentSchools;
            case WEAK_SELF_INSPECTION -> weakSelfInspection;
            case RECTIFIED_NOT_CLOSED -> rectifiedNotClosed;
            case MAJOR_WITHOUT_DEADLINE -> majorWithoutDeadline;
            case MAJOR_WITHOUT_RESPONSIBLE_UNIT -> majorWithoutResponsibleUnit;
        };
    }
}
