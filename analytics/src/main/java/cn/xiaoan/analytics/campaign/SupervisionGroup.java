package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A 督查组: who leads it, who is in it, which schools it visits and when, and its 回头看 rounds. */
public record SupervisionGroup(
        LocalizedName name,
        String leader,
        List<String> members,
        List<String> schools,
        List<DateRange> visitWindows,
        List<DateRange> revisitRounds) {
    public SupervisionGroup {
        requireNonNull(name, "name");
        requireNonNull(leader, "leader");
        members = List.copyOf(members);
        schools = List.copyOf(schools);
        visitWindows = List.copyOf(visitWindows);
        revisitRounds = List.copyOf(revisitRounds);
    }
}
