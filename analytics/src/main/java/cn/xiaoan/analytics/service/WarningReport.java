package cn.xiaoan.analytics.service;

import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * Every warning list for one question, with what made it ({@code signOffDays}: the N of the rectified-not-closed list).
 */
public record WarningReport(
        Period period,
        LocalDate asOf,
        YearMonth submissionMonth,
        Set<String> districts,
        ModelVersion modelVersion,
        List<HazardWarning> overdueHazards,
        List<HazardWarning> majorWithoutMeasures,
        List<SilentSchool> silentSchools,
        List<WeakSelfInspection> weakSelfInspection,
        int signOffDays,
        List<UnclosedRectification> rectifiedNotClosed,
        List<MajorHazardGap> majorWithoutDeadline,
        List<MajorHazardGap> majorWithoutResponsibleUnit) {
    public WarningReport {
        districts = Set.copyOf(districts);
        overdueHazards = List.copyOf(overdueHazards);
        majorWithoutMeasures = List.copyOf(majorWithoutMeasures);
        silentSchools = List.copyOf(silentSchools);
        weakSelfInspection = List.copyOf(weakSelfInspection);
        rectifiedNotClosed = List.copyOf(rectifiedNotClosed);
        majorWithoutDeadline = List.copyOf(majorWithoutDeadline);
        majorWithoutResponsibleUnit = List.copyOf(majorWithoutResponsibleUnit);
    }

    /** How many entries a list has. */
    public int count(WarningKind kind) {
        return switch (kind) {
            case OVERDUE_HAZARDS -> overdueHazards.size();
            case MAJOR_WITHOUT_MEASURES -> majorWithoutMeasures.size();
            case SILENT_SCHOOLS -> silentSchools.size();
            case WEAK_SELF_INSPECTION -> weakSelfInspection.size();
            case RECTIFIED_NOT_CLOSED -> rectifiedNotClosed.size();
            case MAJOR_WITHOUT_DEADLINE -> majorWithoutDeadline.size();
            case MAJOR_WITHOUT_RESPONSIBLE_UNIT -> majorWithoutResponsibleUnit.size();
        };
    }
}
