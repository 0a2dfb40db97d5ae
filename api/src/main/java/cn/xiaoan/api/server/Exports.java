package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.api.auth.Principal;
import cn.xiaoan.api.export.CsvHeader;
import cn.xiaoan.api.export.ExportFormat;
import cn.xiaoan.api.export.ExportTable;
import cn.xiaoan.api.export.Provenance;
import cn.xiaoan.api.export.TableExporter;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Sends any table result as a CSV or XLSX download carrying its provenance (the request or SQL, model version,
 * user, scope, time, request id), when the caller asks with {@code format=csv|xlsx}.
 */
final class Exports {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final TableExporter exporter = new TableExporter();
    private final Clock clock;

    Exports(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /** The export format asked for in {@code ?format=}, if any ({@code json} or nothing: no export). */
    static Optional<ExportFormat> requested(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ExportFormat.fromCode(format));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "invalid_format", "format must be json, csv or xlsx / 导出格式应为 json、csv 或 xlsx");
        }
    }

    /** The request as it was asked: path and query string. */
    static String describe(Context ctx) {
        String query = ctx.queryString();
        return ctx.method().name() + " " + ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    void send(
            Context ctx,
            ExportTable table,
            ExportFormat format,
            String request,
            long modelVersion,
            List<Long> batchIds,
            String fileStem)
            throws IOException {
        send(ctx, table, format, request, modelVersion, batchIds, fileStem, CsvHeader.CODES);
    }

    void send(
            Context ctx,
            ExportTable table,
            ExportFormat format,
            String request,
            long modelVersion,
            List<Long> batchIds,
            String fileStem,
            CsvHeader header)
            throws IOException {
        Principal principal = AccessControl.principal(ctx);
        OffsetDateTime now = OffsetDateTime.now(clock);
        var provenance = new Provenance(
                request,
                modelVersion,
                batchIds,
                principal.username(),
                principal.scope().code(),
                now,
                RequestIds.of(ctx));
        Downloads.attachment(
                ctx,
                fileStem + "-v" + modelVersion + "-" + STAMP.format(now) + format.extension(),
                format.contentType());
        exporter.write(table, provenance, format, header, ctx.outputStream());
    }

    void send(Context ctx, ExportTable table, ExportFormat format, String request, ModelVersion version, String stem)
            throws IOException {
        send(ctx, table, format, request, version.version(), version.batchIds(), stem);
    }

    /** A list handed to people: a CSV's header row holds the headings instead of the column codes. */
    void send(
            Context ctx,
            ExportTable table,
            ExportFormat format,
            String request,
            ModelVersion version,
            String stem,
            CsvHeader header)
            throws IOException {
        send(ctx, table, format, request, version.version(), version.batchIds(), stem, header);
    }
}
