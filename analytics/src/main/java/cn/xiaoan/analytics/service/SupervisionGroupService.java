package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.campaign.DateRange;
import cn.xiaoan.analytics.campaign.SupervisionGroup;
import cn.xiaoan.analytics.figure.CodeList;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign's supervision groups (督查组) as data: for each visit window and 回头看 round of each group, one run of
 * {@code sql/campaign/group_round.sql} over {@code supervision_events} and {@code current_hazards}, bound to the
 * group's schools and the round's dates: coverage, revisit completion, hazards per visit and the schools never visited.
 */
public final class SupervisionGroupService {
    private static final SqlTemplate ROUND = SqlTemplate.load("campaign/group_round.sql");

    private final FigureService figures;

    public SupervisionGroupService(FigureService figures) {
        this.figures = requireNonNull(figures, "figures");
    }

    /** As of D (default: the latest report date), for the given districts (empty: every district). */
    public SupervisionReport groups(CampaignDefinition campaign, Optional<LocalDate> asOf, Set<String> districts) {
        return groups(campaign, figures.snapshot(), asOf, districts);
    }

    public SupervisionReport groups(
            CampaignDefinition campaign, ModelSnapshot snapshot, Optional<LocalDate> asOf, Set<String> districts) {
        requireNonNull(campaign, "campaign");
        LocalDate d = snapshot.dates(Optional.empty(), asOf).asOf();
        var rounds = new ArrayList<GroupRound>();
        for (SupervisionGroup group : campaign.supervisionGroups()) {
            // What a 回头看 round revisits: the schools reached in any of the group's visit windows.
            DateRange visits = group.visitWindows().isEmpty()
                    ? campaign.period()
                    : new DateRange(
                            group.visitWindows().stream()
                                    .map(DateRange::from)
                                    .min(Comparator.naturalOrder())
                                    .orElseThrow(),
                            group.visitWindows().stream()
                                    .map(DateRange::to)
                                    .max(Comparator.naturalOrder())
                                    .orElseThrow());
            for (DateRange window : group.visitWindows()) {
                rounds.add(round(snapshot, group, false, window, visits, d, districts));
            }
            for (DateRange round : group.revisitRounds()) {
                rounds.add(round(snapshot, group, true, round, visits, d, districts));
            }
        }
        return new SupervisionReport(campaign, d, snapshot.version(), rounds);
    }

    private GroupRound round(
            ModelSnapshot snapshot,
            SupervisionGroup group,
            boolean revisit,
            DateRange window,
            DateRange visits,
            LocalDate asOf,
            Set<String> districts) {
        var parameters = new HashMap<String, Object>();
        parameters.put("schools", CampaignScope.names(group.schools()));
        parameters.put("f_district", CodeList.of(districts));
        parameters.put("from", Date.valueOf(window.from()));
        parameters.put("to", Date.valueOf(window.to()));
        parameters.put("prior_from", Date.valueOf(visits.from()));
        parameters.put("prior_to", Date.valueOf(visits.to()));
        parameters.put("as_of", Date.valueOf(asOf));
        var totals = new Totals[1];
        List<GroupSchool> schools = figures.select(snapshot.model(), ROUND, parameters, row -> {
            if (totals[0] == null) {
                totals[0] = Totals.of(row);
            }
            return school(row);
        });
        Totals t = totals[0] == null ? Totals.NONE : totals[0];
        return new GroupRound(
                group,
                revisit,
                window,
                t.assigned,
                t.visited,
                t.coverage,
                t.visitedBefore,
                t.revisited,
                t.visitDays,
                t.hazards,
                t.hazardsPerVisit,
                schools);
    }

    /** The round's totals, as the SQL's window aggregates carry them on every row. */
    private record Totals(
            long assigned,
            long visited,
            Double coverage,
            long visitedBefore,
            long revisited,
            long visitDays,
            long hazards,
            Double hazardsPerVisit) {
        static final Totals NONE = new Totals(0, 0, null, 0, 0, 0, 0, null);

        static Totals of(ResultSet row) throws SQLException {
            return new Totals(
                    row.getLong("assigned"),
                    row.getLong("visited"),
                    nullable(row, "coverage"),
                    row.getLong("visited_before_total"),
                    row.getLong("revisited"),
                    row.getLong("visit_days_total"),
                    row.getLong("hazards_total"),
                    nullable(row, "hazards_per_visit"));
        }

        private static Double nullable(ResultSet row, String column) throws SQLException {
            double value = row.getDouble(column);
            return row.wasNull() ? null : value;
        }
    }

    private static GroupSchool school(ResultSet row) throws SQLException {
        Date first = row.getDate("first_visit");
        return new GroupSchool(
                row.getString("school_code"),
                row.getString("school_name"),
                row.getString("district_code"),
                first == null ? null : first.toLocalDate(),
                row.getLong("visit_days"),
                row.getInt("visited_before") == 1,
                row.getLong("hazards_found"),
                row.getLong("major_found"));
    }
}
