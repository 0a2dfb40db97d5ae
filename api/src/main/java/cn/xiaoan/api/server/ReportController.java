package cn.xiaoan.api.server;

import cn.xiaoan.analytics.report.ReportData;
import cn.xiaoan.analytics.report.ReportFormat;
import cn.xiaoan.analytics.report.ReportKind;
import cn.xiaoan.analytics.report.ReportRequest;
import cn.xiaoan.analytics.report.ReportService;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.api.auth.Scope;
import cn.xiaoan.api.geo.ReportMapSection;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/reports/{kind}}: the annual summary, campaign evaluation or monthly brief as a download, for the
 * city or one district; a district user always gets their own district's report.
 */
final class ReportController {
    private final ReportService reports;
    private final Clock clock;
    private final FigureService figures;
    private final ReportMapSection mapSection;

    ReportController(FigureService figures, ReportService reports, Clock clock, ReportMapSection mapSection) {
        this.figures = figures;
        this.reports = reports;
        this.clock = clock;
        this.mapSection = mapSection;
    }

    void report(Context ctx) throws IOException {
        var parameters = new QueryParameters(ctx);
        ReportKind kind = ReportKind.fromCode(ctx.pathParam("kind"));
        ReportFormat format = parameters
                .text("format")
                .map(ReportFormat::fromCode)
                .orElse(kind == ReportKind.MONTHLY ? ReportFormat.XLSX : ReportFormat.DOCX);
        Optional<YearMonth> month = parameters.text("month").map(ReportController::month);
        int year = parameters.integer("year").orElseGet(() -> month.map(YearMonth::getYear)
                .orElseGet(() -> YearMonth.now(clock).getYear()));
        Scope scope = AccessControl.principal(ctx).scope();
        Set<String> asked = parameters.text("district").map(Set::of).orElse(Set.of());
        Optional<String> district = scope.narrow(asked).stream().findFirst();
        var out = new ByteArrayOutputStream();
        ReportData data = reports.render(
                figures.snapshot(parameters.knowledge()),
                new ReportRequest(kind, year, month, district, format, parameters.text("campaign")),
                out);
        Downloads.attachment(ctx, ReportService.fileName(data), format.contentType());
        ctx.header("X-Model-Version", Long.toString(data.modelVersion().version()));
        // the city's campaign report gets the county map (一张图), drawn here from the report's own figures
        ctx.result(mapSection.addTo(out.toByteArray(), data));
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(
                    "invalid_month", "month=\"" + text + "\" is not a month: use YYYY-MM, e.g. 2026-10");
        }
    }
}
