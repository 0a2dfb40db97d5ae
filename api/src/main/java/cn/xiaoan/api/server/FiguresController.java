package cn.xiaoan.api.server;

import cn.xiaoan.analytics.build.BatchChange;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureChange;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.figure.QuestionText;
import cn.xiaoan.analytics.service.CampaignGoalService;
import cn.xiaoan.analytics.service.FigureComparison;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.KnowledgeComparison;
import cn.xiaoan.analytics.service.WarningKind;
import cn.xiaoan.analytics.service.WarningPage;
import cn.xiaoan.analytics.service.WarningRequest;
import cn.xiaoan.analytics.service.WarningService;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.api.export.ExportFormat;
import cn.xiaoan.api.export.FigureExports;
import cn.xiaoan.api.output.FigureTableOutput;
import cn.xiaoan.api.output.KnowledgeChangesOutput;
import cn.xiaoan.domain.Warehouse;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/figures} (every figure, broken down and filtered, as {@code xiaoan figures} prints it),
 * {@code GET /api/v1/goals} (campaign goals per district), {@code GET /api/v1/warnings} (the warning lists, each one
 * page with its total) and {@code GET /api/v1/warnings/{list}} (one list's page).
 */
final class FiguresController {
    private final FigureService figures;
    private final CampaignGoalService goals;
    private final WarningService warnings;
    private final FigureComparison comparison;
    private final Exports exports;
    private final JsonResponses json;
    private final Warehouse warehouse;

    FiguresController(
            FigureService figures,
            CampaignGoalService goals,
            WarningService warnings,
            Exports exports,
            JsonResponses json,
            Warehouse warehouse) {
        this.warehouse = warehouse;
        this.json = json;
        this.exports = exports;
        this.figures = figures;
        this.goals = goals;
        this.warnings = warnings;
        this.comparison = new FigureComparison(figures);
    }

    void figures(Context ctx) throws IOException {
        Optional<ExportFormat> export = Exports.requested(ctx.queryParam("format"));
        var parameters = new QueryParameters(ctx);
        Question request = Scoping.scoped(
                parameters.question(), AccessControl.principal(ctx).scope());
        ModelSnapshot snapshot = figures.snapshot(parameters.knowledge());
        // an export is the whole table: every figure, whatever figures= says
        Optional<Set<Figure>> wanted = parameters.figures().filter(asked -> export.isEmpty());
        FigureTable table = wanted.map(asked -> figures.figures(snapshot, request, asked))
                .orElseGet(() -> figures.figures(snapshot, request));
        if (export.isPresent()) {
            exports.send(
                    ctx,
                    FigureExports.figures(table, figures::members),
                    export.get(),
                    Exports.describe(ctx),
                    table.modelVersion(),
                    "隐患指标");
        } else {
            json.send(ctx, FigureTableOutput.json(table, shown(wanted)));
        }
    }

    /**
     * {@code GET /api/v1/figures/compare}: every figure of the whole question (no breakdown) against the same span a
     * year earlier (同比), with each change as {@link FigureComparison} computes it in SQL.
     */
    void compare(Context ctx) throws IOException {
        var parameters = new QueryParameters(ctx);
        Question request = Scoping.scoped(
                parameters.questionOfTotals(), AccessControl.principal(ctx).scope());
        ModelSnapshot snapshot = figures.snapshot(parameters.knowledge());
        Set<Figure> wanted = parameters.figures().orElse(EnumSet.allOf(Figure.class));
        FigureTable current = figures.figures(snapshot, request, wanted);
        Period earlier = new Period(
                current.period().from().minusYears(1), current.period().to().minusYears(1));
        FigureTable previous =
                figures.figures(snapshot, request.at(earlier, current.asOf().minusYears(1)), wanted);
        var changes = new ArrayList<JsonBodies.ChangeBody>();
        for (FigureChange change : comparison.changes(shown(Optional.of(wanted)), current.total(), previous.total())) {
            changes.add(JsonBodies.ChangeBody.of(change));
        }
        json.send(
                ctx,
                new JsonBodies.ComparisonBody(
                        JsonBodies.PeriodBody.of(current.period()),
                        current.asOf(),
                        JsonBodies.PeriodBody.of(previous.period()),
                        previous.asOf(),
                        DrillBodies.codes(current.filters()),
                        changes,
                        JsonBodies.VersionBody.of(current.modelVersion())));
    }

    /** The figures a request asked for in registry order, or every figure. */
    private static List<Figure> shown(Optional<Set<Figure>> wanted) {
        return Arrays.stream(Figure.values())
                .filter(figure -> wanted.map(asked -> asked.contains(figure)).orElse(true))
                .toList();
    }

    void goals(Context ctx) {
        var parameters = new QueryParameters(ctx);
        Set<String> districts = AccessControl.principal(ctx).scope().narrow(districts(ctx));
        ctx.json(JsonBodies.GoalsBody.of(
                goals.goals(figures.snapshot(parameters.knowledge()), parameters.asOf(), districts), true));
    }

    /** Every warning list, each one page ({@code offset}, {@code limit}: default its first 50 rows) and its total. */
    void warnings(Context ctx) {
        var parameters = new QueryParameters(ctx);
        ctx.json(warnings.warnings(figures.snapshot(parameters.knowledge()), warningRequest(ctx, parameters)));
    }

    /** {@code GET /api/v1/warnings/{list}}: one list's page, e.g. the next page the warnings page asks for. */
    void warningList(Context ctx) {
        WarningKind kind;
        try {
            kind = WarningKind.fromCode(ctx.pathParam("list"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("unknown_warning_list", e.getMessage());
        }
        var parameters = new QueryParameters(ctx);
        ctx.json(WarningListBody.of(
                warnings.list(figures.snapshot(parameters.knowledge()), warningRequest(ctx, parameters), kind)));
    }

    private static WarningRequest warningRequest(Context ctx, QueryParameters parameters) {
        WarningPage page;
        try {
            page = new WarningPage(
                    parameters.integer("offset").orElse(0),
                    parameters.integer("limit").orElse(WarningPage.DEFAULT_LIMIT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_page", e.getMessage());
        }
        return new WarningRequest(
                parameters.period(),
                parameters.asOf(),
                AccessControl.principal(ctx).scope().narrow(districts(ctx)),
                page);
    }

    /**
     * {@code GET /api/v1/figures/changes?knownAt=K&since=L}: every figure of the question (breakdown and filters as
     * for /figures) that differs between what was known at L and at K (default now), and the batches responsible.
     * {@code reportedBy} and {@code sinceReportedBy} compare report dates the same way.
     */
    void changes(Context ctx) throws IOException {
        var parameters = new QueryParameters(ctx);
        Knowledge later = parameters.knowledge();
        Knowledge earlier = QuestionText.knowledge(
                QuestionText.Spelling.URL, parameters.text("since"), parameters.text("sinceReportedBy"));
        if (earlier.latest()) {
            throw ApiException.badRequest(
                    "missing_since",
                    "Give since=TIME (or sinceReportedBy=DATE): the knowledge time to compare with / 请给出比较的已知时间");
        }
        Question request = Scoping.scoped(
                parameters.question(), AccessControl.principal(ctx).scope());
        KnowledgeComparison.Result result = new KnowledgeComparison(figures).compare(request, later, earlier);
        Optional<String> own = AccessControl.principal(ctx).scope().district();
        // a district user sees the batches of their district's clerks and those sent for the whole city
        List<BatchChange> batches = BatchChange.between(warehouse, earlier, later).stream()
                .filter(batch ->
                        own.isEmpty() || batch.district().map(own.get()::equals).orElse(true))
                .toList();
        json.send(ctx, KnowledgeChangesOutput.json(result, batches));
    }

    /** {@code district=140902&district=140921} or {@code district=140902,140921}. */
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
