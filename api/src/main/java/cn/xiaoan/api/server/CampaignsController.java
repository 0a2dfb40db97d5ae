package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.CampaignCatalog;
import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.service.CampaignGoalService;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.OutlookService;
import cn.xiaoan.analytics.service.ReturnsService;
import cn.xiaoan.analytics.service.StockFlowService;
import cn.xiaoan.analytics.service.SupervisionGroupService;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.api.output.CampaignBodies;
import cn.xiaoan.api.output.CampaignDataBodies;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/campaigns} (every campaign the installation knows), {@code /api/v1/campaigns/{id}} (its
 * definition), {@code /api/v1/campaigns/{id}/goals} (its goals per district), {@code …/stock-flow} (its stock-flow
 * statement), {@code …/outlook} (its goal outlook), {@code …/groups} (its supervision groups' rounds) and
 * {@code …/returns} (its returns calendar), each within the caller's district scope.
 */
final class CampaignsController {
    record CampaignsBody(String primary, List<CampaignBodies.Summary> campaigns) {}

    private final FigureService figures;
    private final CampaignGoalService goals;
    private final StockFlowService stockFlow;
    private final OutlookService outlook;
    private final SupervisionGroupService groups;
    private final ReturnsService returns;

    CampaignsController(
            FigureService figures,
            CampaignGoalService goals,
            StockFlowService stockFlow,
            OutlookService outlook,
            SupervisionGroupService groups,
            ReturnsService returns) {
        this.figures = requireNonNull(figures, "figures");
        this.goals = requireNonNull(goals, "goals");
        this.stockFlow = requireNonNull(stockFlow, "stockFlow");
        this.outlook = requireNonNull(outlook, "outlook");
        this.groups = requireNonNull(groups, "groups");
        this.returns = requireNonNull(returns, "returns");
    }

    void list(Context ctx) {
        CampaignCatalog catalog = goals.campaigns();
        String primary = catalog.primary().id();
        ctx.json(new CampaignsBody(
                primary,
                catalog.all().stream()
                        .map(c -> CampaignBodies.Summary.of(c, c.id().equals(primary)))
                        .toList()));
    }

    void show(Context ctx) {
        CampaignDefinition campaign = campaign(ctx);
        ctx.json(CampaignBodies.Detail.of(campaign, isPrimary(campaign)));
    }

    void goals(Context ctx) {
        Asked asked = asked(ctx);
        ctx.json(JsonBodies.GoalsBody.of(
                goals.goals(asked.campaign(), asked.snapshot(), asked.asOf(), asked.districts()),
                isPrimary(asked.campaign())));
    }

    /** The stock-flow statement over the campaign's period so far, within the caller's district scope. */
    void stockFlow(Context ctx) {
        Asked asked = asked(ctx);
        ctx.json(CampaignOutlookBodies.StockFlowBody.of(
                stockFlow.statement(asked.campaign(), asked.snapshot(), asked.asOf(), asked.districts()),
                isPrimary(asked.campaign())));
    }

    /** The goal outlook (预测), within the caller's district scope. */
    void outlook(Context ctx) {
        Asked asked = asked(ctx);
        ctx.json(CampaignOutlookBodies.OutlookBody.of(
                outlook.outlook(asked.campaign(), asked.snapshot(), asked.asOf(), asked.districts()),
                isPrimary(asked.campaign())));
    }

    void groups(Context ctx) {
        Asked asked = asked(ctx);
        ctx.json(CampaignDataBodies.GroupsBody.of(
                groups.groups(asked.campaign(), asked.snapshot(), asked.asOf(), asked.districts())));
    }

    void returns(Context ctx) {
        Asked asked = asked(ctx);
        ctx.json(CampaignDataBodies.ReturnsBody.of(
                returns.returns(asked.campaign(), asked.snapshot(), asked.asOf(), asked.districts())));
    }

    /**
     * What a campaign route answers from: the campaign, one model snapshot (as known at {@code knownAt} /
     * {@code reportedBy} when asked), the as-of date and the districts asked for within the caller's scope.
     */
    private record Asked(
            CampaignDefinition campaign, ModelSnapshot snapshot, Optional<LocalDate> asOf, Set<String> districts) {}

    private Asked asked(Context ctx) {
        CampaignDefinition campaign = campaign(ctx); // an unknown campaign is a 404 before any parameter is read
        var parameters = new QueryParameters(ctx);
        return new Asked(
                campaign,
                figures.snapshot(parameters.knowledge()),
                parameters.asOf(),
                AccessControl.principal(ctx).scope().narrow(districts(ctx)));
    }

    private CampaignDefinition campaign(Context ctx) {
        String id = ctx.pathParam("id");
        CampaignCatalog catalog = goals.campaigns();
        return catalog.byId(id)
                .orElseThrow(() -> ApiException.notFound(
                        "no_such_campaign",
                        "No campaign " + id + "; known: "
                                + catalog.all().stream()
                                        .map(CampaignDefinition::id)
                                        .collect(Collectors.joining(", "))
                                + " / 没有该专项行动"));
    }

    private boolean isPrimary(CampaignDefinition campaign) {
        return goals.campaigns().primary().id().equals(campaign.id());
    }

    private static Set<String> districts(Context ctx) {
        var codes = new LinkedHashSet<String>();
        for (String value : ctx.queryParams("district")) {
            for (String code : value.split(",")) {
                if (!code.isBlank()) {
                    codes.add(code.strip());
                }
            }
        }
        return codes;
    }
}
