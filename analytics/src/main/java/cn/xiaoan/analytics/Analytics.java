package cn.xiaoan.analytics;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.CampaignCatalog;
import cn.xiaoan.analytics.report.ReportDataService;
import cn.xiaoan.analytics.report.ReportService;
import cn.xiaoan.analytics.service.CampaignGoalService;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.HazardHistoryService;
import cn.xiaoan.analytics.service.HazardListService;
import cn.xiaoan.analytics.service.LedgerTrustService;
import cn.xiaoan.analytics.service.OutlookService;
import cn.xiaoan.analytics.service.ResponsibilityListService;
import cn.xiaoan.analytics.service.ReturnsService;
import cn.xiaoan.analytics.service.SchoolProfileService;
import cn.xiaoan.analytics.service.StockFlowService;
import cn.xiaoan.analytics.service.SupervisionGroupService;
import cn.xiaoan.analytics.service.TrendService;
import cn.xiaoan.analytics.service.WarningService;
import cn.xiaoan.domain.ReferenceData;
import java.time.Clock;

/**
 * What the API serves from: every question service over one serving model ({@link FigureService}), wired once. Closing
 * it closes the serving model.
 */
public final class Analytics implements AutoCloseable {
    private final FigureService figures;
    private final TrendService trends;
    private final CampaignGoalService goals;
    private final WarningService warnings;
    private final HazardListService hazards;
    private final HazardHistoryService hazardHistory;
    private final SchoolProfileService schools;
    private final ReportService reports;
    private final LedgerTrustService trust;
    private final ResponsibilityListService responsibilities;
    private final StockFlowService stockFlow;
    private final OutlookService outlook;
    private final SupervisionGroupService supervisionGroups;
    private final ReturnsService returns;

    public Analytics(FigureService figures, ReferenceData reference, Clock clock) {
        this.figures = requireNonNull(figures, "figures");
        this.trends = new TrendService(figures);
        // loaded and validated once at start: a bad campaign file stops the start with every problem listed
        CampaignCatalog campaigns = CampaignCatalog.load(reference);
        this.goals = new CampaignGoalService(figures, campaigns);
        // silent schools follow the primary campaign's first return of a dataset, if it asks one
        this.warnings = new WarningService(
                figures,
                WarningService.DEFAULT_SIGN_OFF_DAYS,
                campaigns.primary().returns().stream()
                        .filter(rule -> rule.dataset().isPresent())
                        .findFirst());
        this.hazards = new HazardListService(figures);
        this.hazardHistory = new HazardHistoryService(figures);
        this.schools = new SchoolProfileService(figures, hazards);
        this.reports = new ReportService(new ReportDataService(figures, reference, clock, campaigns));
        this.trust = new LedgerTrustService(figures);
        this.responsibilities = new ResponsibilityListService(figures);
        this.stockFlow = new StockFlowService(figures);
        this.outlook = new OutlookService(figures);
        this.supervisionGroups = new SupervisionGroupService(figures);
        this.returns = new ReturnsService(figures);
    }

    /** Campaigns' stock-flow statements (the stock_flow_* figures). */
    public StockFlowService stockFlow() {
        return stockFlow;
    }

    /** Campaigns' goal outlooks (预测, a statistical model over the figures' model). */
    public OutlookService outlook() {
        return outlook;
    }

    /** A campaign's supervision groups: coverage, 回头看, hazards per visit, schools never visited. */
    public SupervisionGroupService supervisionGroups() {
        return supervisionGroups;
    }

    /** A campaign's returns per school and period by its cadence. */
    public ReturnsService returns() {
        return returns;
    }

    public FigureService figures() {
        return figures;
    }

    public TrendService trends() {
        return trends;
    }

    public CampaignGoalService goals() {
        return goals;
    }

    public WarningService warnings() {
        return warnings;
    }

    public HazardListService hazards() {
        return hazards;
    }

    public HazardHistoryService hazardHistory() {
        return hazardHistory;
    }

    public SchoolProfileService schools() {
        return schools;
    }

    public ReportService reports() {
        return reports;
    }

    public LedgerTrustService trust() {
        return trust;
    }

    /** The 整改责任清单 (responsibility list). */
    public ResponsibilityListService responsibilities() {
        return responsibilities;
    }

    @Override
    public void close() {
        figures.close();
    }
}
