package cn.xiaoan.api.server;

import cn.xiaoan.analytics.service.CampaignOutlook;
import cn.xiaoan.analytics.service.DeadlineRisk;
import cn.xiaoan.analytics.service.GoalOutlook;
import cn.xiaoan.analytics.service.MeasureOutlook;
import cn.xiaoan.analytics.service.OutlookStratum;
import cn.xiaoan.analytics.service.StockFlowRow;
import cn.xiaoan.analytics.service.StockFlowStatement;
import cn.xiaoan.api.output.CampaignBodies;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON of {@code GET /api/v1/campaigns/{id}/outlook} and {@code …/stock-flow}, shared with
 * {@code xiaoan campaigns outlook|stock-flow --format json}.
 */
public final class CampaignOutlookBodies {
    private CampaignOutlookBodies() {}

    /** The outlook; {@code kind} is always {@code projection} (预测): a statistical model, not a figure. */
    public record OutlookBody(
            String kind,
            String kindZh,
            CampaignBodies.Summary campaign,
            LocalDate asOf,
            JsonBodies.VersionBody modelVersion,
            List<String> districts,
            MethodBody method,
            List<GoalOutlookBody> goals,
            List<StratumBody> strata,
            List<DeadlineRisk> deadlineRisks) {
        public static OutlookBody of(CampaignOutlook outlook, boolean primary) {
            return new OutlookBody(
                    "projection",
                    "预测",
                    CampaignBodies.Summary.of(outlook.campaign(), primary),
                    outlook.asOf(),
                    JsonBodies.VersionBody.of(outlook.modelVersion()),
                    outlook.districts().stream().sorted().toList(),
                    new MethodBody(
                            "kaplan_meier",
                            outlook.historyFrom(),
                            cn.xiaoan.analytics.service.OutlookService.MIN_STRATUM,
                            outlook.runs(),
                            outlook.seed(),
                            0.9),
                    outlook.goals().stream().map(GoalOutlookBody::of).toList(),
                    outlook.strata().stream().map(StratumBody::of).toList(),
                    outlook.deadlineRisks());
        }
    }

    /**
     * How the projection was made: Kaplan–Meier over hazards found from {@code historyFrom} to the as-of date, strata
     * under {@code minStratum} hazards borrowing a coarser curve, {@code runs} simulated futures from {@code seed}, the
     * interval covering {@code interval} of them.
     */
    public record MethodBody(
            String estimator, LocalDate historyFrom, int minStratum, int runs, long seed, double interval) {}

    public record GoalOutlookBody(
            String goal,
            String nameZh,
            String nameEn,
            LocalDate judgedOn,
            boolean judged,
            List<MeasureOutlookBody> measures) {
        static GoalOutlookBody of(GoalOutlook goal) {
            return new GoalOutlookBody(
                    goal.goalId(),
                    goal.nameZh(),
                    goal.nameEn(),
                    goal.judgedOn(),
                    goal.judged(),
                    goal.measures().stream().map(MeasureOutlookBody::of).toList());
        }
    }

    /** {@code expected}, {@code low}, {@code high}: the projection and its 90 % interval; null with a reason. */
    public record MeasureOutlookBody(
            String measure,
            String nameZh,
            String nameEn,
            String figure,
            LocalDate at,
            Double expected,
            Double low,
            Double high,
            Double chanceMet,
            String reasonZh,
            String reasonEn) {
        static MeasureOutlookBody of(MeasureOutlook m) {
            return new MeasureOutlookBody(
                    m.measureId(),
                    m.nameZh(),
                    m.nameEn(),
                    m.figure().code(),
                    m.at(),
                    m.expected(),
                    m.low(),
                    m.high(),
                    m.chanceMet(),
                    m.reasonZh(),
                    m.reasonEn());
        }
    }

    /** {@code curve}: CATEGORY_AND_SEVERITY, SEVERITY or ALL, the history its projections are drawn from. */
    public record StratumBody(
            String category,
            String severity,
            long hazards,
            long rectified,
            Integer medianDays,
            String curve,
            String curveZh,
            String curveEn) {
        static StratumBody of(OutlookStratum s) {
            return new StratumBody(
                    s.category(),
                    s.severity(),
                    s.hazards(),
                    s.rectified(),
                    s.medianDays(),
                    s.curve().name(),
                    s.curve().nameZh(),
                    s.curve().nameEn());
        }
    }

    /** The statement; {@code from}/{@code to} are null before the campaign begins (no lines then). */
    public record StockFlowBody(
            CampaignBodies.Summary campaign,
            LocalDate asOf,
            JsonBodies.VersionBody modelVersion,
            LocalDate from,
            LocalDate to,
            List<StockFlowRowBody> totals,
            List<StockFlowRowBody> rows) {
        public static StockFlowBody of(StockFlowStatement statement, boolean primary) {
            return new StockFlowBody(
                    CampaignBodies.Summary.of(statement.campaign(), primary),
                    statement.asOf(),
                    JsonBodies.VersionBody.of(statement.modelVersion()),
                    statement.period().map(p -> p.from()).orElse(null),
                    statement.period().map(p -> p.to()).orElse(null),
                    statement.totals().stream().map(StockFlowRowBody::of).toList(),
                    statement.rows().stream().map(StockFlowRowBody::of).toList());
        }
    }

    /** One line: codes of severity, district and category (the last two null on a total line), the four figures. */
    public record StockFlowRowBody(
            String severity,
            String district,
            String category,
            long opening,
            long found,
            long resolved,
            long closing,
            boolean balanced) {
        static StockFlowRowBody of(StockFlowRow row) {
            return new StockFlowRowBody(
                    row.severity(),
                    row.districtCode(),
                    row.category(),
                    row.opening(),
                    row.found(),
                    row.resolved(),
                    row.closing(),
                    row.balanced());
        }
    }
}
