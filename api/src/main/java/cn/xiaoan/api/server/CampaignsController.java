package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.CampaignCatalog;
import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.service.CampaignGoalService;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.ReturnsService;
import cn.xiaoan.analytics.service.SupervisionGroupService;
import cn.xiaoan.api.output.CampaignBodies;
import cn.xiaoan.api.output.CampaignDataBodies;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/campaigns} (every campaign the installation knows), {@code /api/v1/campaigns/{id}} (its
 * definition), {@code /api/v1/campaigns/{id}/goals} (its goals per district), {@code /groups} (its supervision groups'
 * rounds) and {@code /returns} (its returns calendar), each within the caller's district scope.
 */
final class CampaignsController {
    record CampaignsBody(String primary, List<CampaignBodies.Summary> campaigns) {}

    private final FigureService figures;
    private final CampaignGoalService goals;
    private final SupervisionGroupService groups;
    private final ReturnsService returns;

    CampaignsController(
            FigureService figures, CampaignGoalService goals, SupervisionGroupService groups, ReturnsService returns) {
        this.figures = requireNonNull(figures, "figures");
        this.goals = requireNonNull(goals, "goals");
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
        CampaignDefinition campaign = campaign(ctx);
        var parameters = new QueryParameters(ctx);
        Set<String> districts = AccessControl.principal(ctx).scope().narrow(districts(ctx));
        ctx.json(JsonBodies.GoalsBody.of(
                goals.goals(campaign, figures.snapshot(), parameters.asOf(), districts), isPrimary(campaign)));
    }

    void groups(Context ctx) {
        CampaignDefinition campaign = campaign(ctx);
        var parameters = new QueryParameters(ctx);
        Set<String> districts = AccessControl.principal(ctx).scope().narrow(districts(ctx));
        ctx.json(CampaignDataBodies.GroupsBody.of(
                groups.groups(campaign, figures.snapshot(), parameters.asOf(), districts)));
    }

    void returns(Context ctx) {
        CampaignDefinition campaign = campaign(ctx);
        var parameters = new QueryParameters(ctx);
        Set<String> districts = AccessControl.principal(ctx).scope().narrow(districts(ctx));
        ctx.json(CampaignDataBodies.ReturnsBody.of(
                returns.returns(campaign, figures.snapshot(), parameters.asOf(), districts)));
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
