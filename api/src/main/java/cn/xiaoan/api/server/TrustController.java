package cn.xiaoan.api.server;

import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.LedgerTrustService;
import cn.xiaoan.analytics.service.UnknownSchoolException;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.api.auth.Scope;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code GET /api/v1/trust} (the ledger trust audit: scores per district and school with findings per rule) and
 * {@code GET /api/v1/trust/schools/{code}} (one school's evidence rows). A district user sees their district only: asking
 * for another is refused (403) and another district's school reads as unknown (404). {@code knownAt} / {@code reportedBy}
 * audit the model as known at that time (its findings are built with it).
 */
final class TrustController {
    private final FigureService figures;
    private final LedgerTrustService trust;
    private final JsonResponses json;

    TrustController(FigureService figures, LedgerTrustService trust, JsonResponses json) {
        this.figures = figures;
        this.trust = trust;
        this.json = json;
    }

    void audit(Context ctx) throws IOException {
        json.send(ctx, trust.audit(snapshot(ctx), scope(ctx)));
    }

    private ModelSnapshot snapshot(Context ctx) {
        return figures.snapshot(new QueryParameters(ctx).knowledge());
    }

    void school(Context ctx) throws IOException {
        String code = ctx.pathParam("code");
        try {
            json.send(ctx, trust.school(snapshot(ctx), code, scope(ctx)));
        } catch (UnknownSchoolException e) {
            throw ApiException.notFound(
                    "unknown_school",
                    "No school " + code + " within your scope / 辖区内无此学校: check the code in /api/v1/trust");
        }
    }

    /** The districts asked for ({@code district=A,B}, any number of times), narrowed to the caller's scope. */
    private static DistrictScope scope(Context ctx) {
        var asked = new LinkedHashSet<String>();
        for (String value : ctx.queryParams("district")) {
            for (String code : value.split(",")) {
                if (!code.isBlank()) {
                    asked.add(code.strip());
                }
            }
        }
        Scope scope = AccessControl.principal(ctx).scope();
        Set<String> districts = scope.isCity() && asked.isEmpty() ? Set.of() : scope.narrow(asked);
        return districts.isEmpty() ? DistrictScope.city() : DistrictScope.of(districts);
    }
}
