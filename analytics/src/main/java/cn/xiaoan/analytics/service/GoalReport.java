package cn.xiaoan.analytics.service;

import cn.xiaoan.analytics.figure.ModelVersion;
import java.time.LocalDate;
import java.util.List;

/** Every district's standing on every campaign goal at the as-of date, district by district in reference order. */
public record GoalReport(LocalDate asOf, ModelVersion modelVersion, List<GoalProgress> progress) {
    public GoalReport {
        progress = List.copyOf(progress);
    }

    /** A district's standing on a goal. */
    public GoalProgress of(String districtCode, CampaignGoal goal) {
        return progress.stream()
                .filter(p -> p.districtCode().equals(districtCode) && p.goal() == goal)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Cannot find goal " + goal.code() + " of district " + districtCode));
    }
}
