package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.DateRange;
import cn.xiaoan.analytics.campaign.SupervisionGroup;
import java.util.List;

/**
 * A supervision group's round, planned against done: a visit window ({@code revisit} false: schools visited of those
 * assigned, the coverage) or a 回头看 round ({@code revisit} true: of the schools the visit windows reached, how many
 * were revisited), the visit days, the hazards supervision found and per visit day, and every school (the ones never
 * visited included). The totals are the SQL's; {@code coverage} and {@code hazardsPerVisit} are null when undefined.
 */
public record GroupRound(
        SupervisionGroup group,
        boolean revisit,
        DateRange window,
        long assigned,
        long visited,
        Double coverage,
        long visitedBefore,
        long revisited,
        long visitDays,
        long hazardsFound,
        Double hazardsPerVisit,
        List<GroupSchool> schools) {
    public GroupRound {
        requireNonNull(group, "group");
        requireNonNull(window, "window");
        schools = List.copyOf(schools);
    }

    /** The assigned schools the round has not reached. */
    public List<GroupSchool> neverVisited() {
        return schools.stream().filter(school -> !school.visited()).toList();
    }
}
