package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.api.auth.Principal;
import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.TemplateScope;
import cn.xiaoan.ingest.UploadTemplate;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * {@code GET /api/v1/templates/{dataset}.xlsx}: the blank workbook a clerk fills for a dataset, with the signed-in
 * user's district's registered schools in its drop-down lists (every school for a city-wide account).
 */
final class TemplateController {
    private final Warehouse warehouse;
    private final ReferenceData reference;
    private final UploadTemplate templates;

    TemplateController(Warehouse warehouse, ReferenceData reference) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.reference = requireNonNull(reference, "reference");
        this.templates = new UploadTemplate(reference);
    }

    void template(Context ctx) throws IOException {
        Principal principal = AccessControl.principal(ctx);
        Dataset dataset = Dataset.fromDirectory(ctx.pathParam("dataset"));
        TemplateScope scope = TemplateScope.fromRegister(
                warehouse, reference, principal.scope().district());
        // built in memory (a few tens of KB) so a failure still answers with a JSON error, not half a workbook
        var workbook = new ByteArrayOutputStream();
        templates.write(dataset, scope, workbook);
        Downloads.attachment(ctx, UploadTemplate.fileName(dataset), UploadTemplate.MEDIA_TYPE);
        ctx.header("Cache-Control", "private, no-store");
        ctx.result(workbook.toByteArray());
    }
}
