package cn.xiaoan.api.server;

import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.ResponsibilityItem;
import cn.xiaoan.analytics.service.ResponsibilityList;
import cn.xiaoan.analytics.service.ResponsibilityListService;
import cn.xiaoan.analytics.service.ResponsibilityQuery;
import cn.xiaoan.api.auth.Scope;
import cn.xiaoan.api.export.CodeNames;
import cn.xiaoan.api.export.CsvHeader;
import cn.xiaoan.api.export.ExportFormat;
import cn.xiaoan.api.export.ExportLanguage;
import cn.xiaoan.api.export.ResponsibilityExports;
import cn.xiaoan.domain.HazardStatus;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /api/v1/exports/responsibility-list}: the 整改责任清单 as XLSX (the default) or CSV with headings in Chinese
 * ({@code lang=zh}, the default) or English ({@code lang=en}), or as JSON ({@code format=json}). Parameters: {@code
 * district} (codes, repeatable or comma-separated), {@code status} ({@code open}: open at the as-of date, the default;
 * {@code all}; or status codes), {@code supervised=true} (only hazards listed for supervision), {@code asOf}. A
 * district user gets their district whatever they ask, and is refused another.
 */
final class ResponsibilityController {
    private final FigureService figures;
    private final ResponsibilityListService responsibilities;
    private final Exports exports;
    private final JsonResponses json;
    private final CodeNames names;

    ResponsibilityController(
            FigureService figures,
            ResponsibilityListService responsibilities,
            Exports exports,
            JsonResponses json,
            CodeNames names) {
        this.figures = figures;
        this.responsibilities = responsibilities;
        this.exports = exports;
        this.json = json;
        this.names = names;
    }

    void list(Context ctx) throws IOException {
        var parameters = new QueryParameters(ctx);
        String format = parameters.text("format").orElse("xlsx");
        Optional<ExportFormat> export = Exports.requested(format);
        ExportLanguage language = ExportLanguage.fromCode(ctx.queryParam("lang"));
        Scope scope = AccessControl.principal(ctx).scope();
        var query = new ResponsibilityQuery(
                parameters.asOf(),
                scope.isCity() ? districts(ctx) : scope.narrow(districts(ctx)),
                ResponsibilityQuery.statuses(ctx.queryParam("status")),
                parameters
                        .text("supervised")
                        .map(ResponsibilityController::flag)
                        .orElse(false));
        ResponsibilityList list = responsibilities.list(
                figures.snapshot(parameters.knowledge()),
                query,
                Scoping.districts(scope),
                ResponsibilityListService.MAX_ROWS);
        if (export.isEmpty()) {
            json.send(ctx, ListBody.of(list));
            return;
        }
        exports.send(
                ctx,
                ResponsibilityExports.table(list, names, language),
                export.get(),
                Exports.describe(ctx),
                list.modelVersion(),
                language.pick("整改责任清单", "responsibility-list"),
                CsvHeader.HEADINGS);
    }

    /** The list as JSON: what was asked (districts, statuses, listing), the as-of date, the total and the hazards. */
    record ListBody(
            LocalDate asOf,
            List<String> districts,
            String status,
            boolean supervisedOnly,
            long total,
            List<ResponsibilityItem> items,
            JsonBodies.VersionBody modelVersion) {
        static ListBody of(ResponsibilityList list) {
            ResponsibilityQuery query = list.query();
            return new ListBody(
                    list.asOf(),
                    List.copyOf(new TreeSet<>(query.districts())),
                    query.openOnly()
                            ? "open"
                            : String.join(
                                    ",",
                                    query.statuses().stream()
                                            .map(HazardStatus::code)
                                            .sorted()
                                            .toList()),
                    query.supervisedOnly(),
                    list.total(),
                    list.items(),
                    JsonBodies.VersionBody.of(list.modelVersion()));
        }
    }

    private static Set<String> districts(Context ctx) {
        var codes = new LinkedHashSet<String>();
        for (String text : ctx.queryParams("district")) {
            for (String code : text.split(",")) {
                if (!code.isBlank()) {
                    codes.add(code.strip());
                }
            }
        }
        return codes;
    }

    private static boolean flag(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "y", "是" -> true;
            case "false", "0", "no", "n", "否" -> false;
            default ->
                throw ApiException.badRequest(
                        "invalid_supervised", "supervised must be true or false / supervised 应为 true 或 false");
        };
    }
}
