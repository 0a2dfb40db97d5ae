package cn.xiaoan.analytics.service;

import java.time.LocalDate;
import java.util.List;

/** A goal's projected measures at its judged-on date; none when the goal is judged already. */
public record GoalOutlook(
        String goalId,
        String nameZh,
        String nameEn,
        LocalDate judgedOn,
        boolean judged,
        List<MeasureOutlook> measures) {
    public GoalOutlook {
        measures = List.copyOf(measures);
    }
}
