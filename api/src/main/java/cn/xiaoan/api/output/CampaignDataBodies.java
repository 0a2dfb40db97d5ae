package cn.xiaoan.api.output;

import cn.xiaoan.analytics.campaign.ReturnPeriod;
import cn.xiaoan.analytics.service.GroupRound;
import cn.xiaoan.analytics.service.GroupSchool;
import cn.xiaoan.analytics.service.ReturnCell;
import cn.xiaoan.analytics.service.ReturnSchedule;
import cn.xiaoan.analytics.service.ReturnsReport;
import cn.xiaoan.analytics.service.SupervisionReport;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON documents of a campaign's supervision groups and returns: {@code GET /api/v1/campaigns/{id}/groups} and
 * {@code /returns}, and {@code campaigns groups|returns --format json} (the same document).
 */
public final class CampaignDataBodies {
    private CampaignDataBodies() {}

    /** Every round of every group. */
    public record GroupsBody(String campaign, LocalDate asOf, long modelVersion, List<RoundBody> rounds) {
        public static GroupsBody of(SupervisionReport report) {
            return new GroupsBody(
                    report.campaign().id(),
                    report.asOf(),
                    report.modelVersion().version(),
                    report.rounds().stream().map(RoundBody::of).toList());
        }
    }

    /** One visit window ({@code kind} visit) or 回头看 round ({@code kind} revisit) of a group, planned against done. */
    public record RoundBody(
            String groupZh,
            String groupEn,
            String leader,
            List<String> members,
            String kind,
            LocalDate from,
            LocalDate to,
            long assigned,
            long visited,
            Double coverage,
            long visitedBefore,
            long revisited,
            long visitDays,
            long hazardsFound,
            Double hazardsPerVisit,
            List<String> neverVisited,
            List<SchoolBody> schools) {
        static RoundBody of(GroupRound round) {
            return new RoundBody(
                    round.group().name().zh(),
                    round.group().name().en(),
                    round.group().leader(),
                    round.group().members(),
                    round.revisit() ? "revisit" : "visit",
                    round.window().from(),
                    round.window().to(),
                    round.assigned(),
                    round.visited(),
                    round.coverage(),
                    round.visitedBefore(),
                    round.revisited(),
                    round.visitDays(),
                    round.hazardsFound(),
                    round.hazardsPerVisit(),
                    round.neverVisited().stream().map(GroupSchool::schoolCode).toList(),
                    round.schools().stream().map(SchoolBody::of).toList());
        }
    }

    public record SchoolBody(
            String schoolCode,
            String schoolName,
            String districtCode,
            LocalDate firstVisit,
            long visitDays,
            boolean visitedBefore,
            long hazardsFound,
            long majorFound) {
        static SchoolBody of(GroupSchool school) {
            return new SchoolBody(
                    school.schoolCode(),
                    school.schoolName(),
                    school.districtCode(),
                    school.firstVisit(),
                    school.visitDays(),
                    school.visitedBefore(),
                    school.hazardsFound(),
                    school.majorFound());
        }
    }

    /** Every return of a dataset with its calendar, and the written returns the warehouse cannot see. */
    public record ReturnsBody(
            String campaign, LocalDate asOf, long modelVersion, List<ScheduleBody> returns, List<String> untracked) {
        public static ReturnsBody of(ReturnsReport report) {
            return new ReturnsBody(
                    report.campaign().id(),
                    report.asOf(),
                    report.modelVersion().version(),
                    report.schedules().stream().map(ScheduleBody::of).toList(),
                    report.untracked().stream().map(rule -> rule.id()).toList());
        }
    }

    public record ScheduleBody(
            String id,
            String nameZh,
            String nameEn,
            String dataset,
            String cadence,
            boolean nilAllowed,
            List<ReturnPeriod> periods,
            List<CellBody> cells) {
        static ScheduleBody of(ReturnSchedule schedule) {
            return new ScheduleBody(
                    schedule.rule().id(),
                    schedule.rule().name().zh(),
                    schedule.rule().name().en(),
                    schedule.rule().dataset().orElseThrow().directory(),
                    schedule.rule().cadence().code(),
                    schedule.rule().nilAllowed(),
                    schedule.periods(),
                    schedule.cells().stream().map(CellBody::of).toList());
        }
    }

    /** A school's standing on one period: status code and its names, the return that counted. */
    public record CellBody(
            String schoolCode,
            String schoolName,
            String districtCode,
            int period,
            String status,
            String statusZh,
            String statusEn,
            LocalDate returnedOn,
            Long rows) {
        static CellBody of(ReturnCell cell) {
            return new CellBody(
                    cell.schoolCode(),
                    cell.schoolName(),
                    cell.districtCode(),
                    cell.period(),
                    cell.status().name(),
                    cell.status().nameZh(),
                    cell.status().nameEn(),
                    cell.returnedOn(),
                    cell.rows());
        }
    }
}
