package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One school of a supervision group in one round: its first visit in the round (null: not visited), the days visited,
 * whether the group's visit windows had reached it (what a 回头看 round revisits) and the hazards supervision found.
 */
public record GroupSchool(
        String schoolCode,
        String schoolName,
        String districtCode,
        LocalDate firstVisit,
        long visitDays,
        boolean visitedBefore,
        long hazardsFound,
        long majorFound) {
    public GroupSchool {
        requireNonNull(schoolCode, "schoolCode");
    }

    public boolean visited() {
        return firstVisit != null;
    }
}
