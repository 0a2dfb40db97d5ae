package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.GoalDefinition;
import java.util.List;

/** One district's standing on one campaign goal, with the numbers it was judged on. */
public record GoalProgress(String districtCode, GoalDefinition goal, GoalStatus status, List<GoalMeasure> measures) {
    public GoalProgress {
        requireNonNull(districtCode, "districtCode");
        requireNonNull(goal, "goal");
        requireNonNull(status, "status");
        measures = List.copyOf(measures);
    }

    /** The measure with this code. */
    public GoalMeasure measure(String code) {
        return measures.stream()
                .filter(measure -> measure.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot find measure " + code + " of " + goal.id()));
    }
}
