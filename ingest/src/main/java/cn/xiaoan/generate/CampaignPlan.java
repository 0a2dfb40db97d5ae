package cn.xiaoan.generate;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.SchoolType;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link CampaignGenerator} needs of a campaign definition (the campaign files live above ingest, so the command
 * translates one into this): its period, area, supervision groups, the returns it asks with their due periods, the
 * drill rule and whether it runs a facility checklist. Nothing here is a default: every date comes from the file.
 */
public record CampaignPlan(
        String id,
        Window period,
        List<String> districts,
        List<String> schools,
        List<Group> groups,
        List<Return> returns,
        Map<SchoolType, DrillEvery> drillRule,
        boolean facilitySurveys) {
    public CampaignPlan {
        requireNonNull(id, "id");
        requireNonNull(period, "period");
        districts = List.copyOf(districts);
        schools = List.copyOf(schools);
        groups = List.copyOf(groups);
        returns = List.copyOf(returns);
        var drills = new EnumMap<SchoolType, DrillEvery>(SchoolType.class);
        drills.putAll(drillRule);
        drillRule = Map.copyOf(drills);
    }

    /** Days from {@code from} to {@code to}, both included. */
    public record Window(LocalDate from, LocalDate to) {
        public Window {
            requireNonNull(from, "from");
            requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("Window ends (" + to + ") before it starts (" + from + ")");
            }
        }
    }

    /** A 督查组 by name, its schools (names or register codes), its visit windows and its 回头看 rounds. */
    public record Group(String name, List<String> schools, List<Window> visits, List<Window> revisits) {
        public Group {
            requireNonNull(name, "name");
            schools = List.copyOf(schools);
            visits = List.copyOf(visits);
            revisits = List.copyOf(revisits);
        }
    }

    /** A return of a dataset, owed by every school of the area for each period; {@code nil}: a 零报告 counts. */
    public record Return(String id, Dataset dataset, List<Due> periods, boolean nil) {
        public Return {
            requireNonNull(id, "id");
            requireNonNull(dataset, "dataset");
            periods = List.copyOf(periods);
        }
    }

    /** One period of a return: on time from {@code opens} to {@code due}, late up to {@code lateUntil}. */
    public record Due(LocalDate opens, LocalDate due, LocalDate lateUntil) {
        public Due {
            requireNonNull(opens, "opens");
            requireNonNull(due, "due");
            requireNonNull(lateUntil, "lateUntil");
        }
    }

    /** How often a school type drills. */
    public enum DrillEvery {
        MONTH,
        QUARTER,
        TERM
    }
}
