package cn.xiaoan.api.server;

import cn.xiaoan.api.server.JsonBodies.Named;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.TaxonomyKind;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/names}: the Chinese and English name of every coded value people might read — districts,
 * categories, school types, inspection types, severities and rectification statuses — from the reference data, so
 * every page shows names through one lookup and codes stay in URLs, JSON and SQL. The reference data do not change
 * while the server runs, so the body is serialised once.
 */
final class NamesController {
    /** One closed set of codes ({@code district}, {@code category}, {@code status}, ...) with their names. */
    record CodeList(String kind, List<Named> members) {}

    record NamesBody(List<CodeList> lists) {}

    private final byte[] body;

    NamesController(ReferenceData reference, JsonResponses json) {
        this.body = json.bytes(body(reference));
    }

    static NamesBody body(ReferenceData reference) {
        var lists = new ArrayList<CodeList>();
        lists.add(new CodeList(
                "district",
                reference.districts().all().stream()
                        .map(d -> new Named(d.code(), d.nameZh(), d.nameEn()))
                        .toList()));
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            lists.add(new CodeList(
                    kind.fileKind(),
                    reference.taxonomy().terms(kind).stream()
                            .map(term -> new Named(term.code(), term.nameZh(), term.nameEn()))
                            .toList()));
        }
        return new NamesBody(List.copyOf(lists));
    }

    void names(Context ctx) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(body);
    }
}
