package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/** A campaign goal: its measures, the tests they must all pass, and the day it is judged on. */
public record GoalDefinition(
        String id,
        LocalizedName name,
        String definition,
        LocalDate judgedOn,
        List<GoalMeasureDefinition> measures,
        List<GoalCondition> conditions) {
    public GoalDefinition {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(definition, "definition");
        requireNonNull(judgedOn, "judgedOn");
        measures = List.copyOf(measures);
        conditions = List.copyOf(conditions);
    }

    public GoalMeasureDefinition measure(String measureId) {
        return measures.stream()
                .filter(m -> m.id().equals(measureId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot find measure " + measureId + " of goal " + id));
    }
}
