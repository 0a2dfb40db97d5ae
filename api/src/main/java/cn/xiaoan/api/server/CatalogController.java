package cn.xiaoan.api.server;

import cn.xiaoan.analytics.figure.Campaign;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.publish.ModelNotBuiltException;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.api.server.JsonBodies.FigureBody;
import cn.xiaoan.api.server.JsonBodies.Named;
import cn.xiaoan.api.server.JsonBodies.VersionBody;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/meta}: the figures and dimensions with their Chinese and English names, each closed dimension's
 * members, the years the data cover, the latest report date and the model version. Serialised once per model version:
 * dashboards ask on every page load.
 */
final class CatalogController {
    private final FigureService figures;
    private final JsonResponses json;
    private volatile Cached cached;

    private record Cached(Optional<Long> version, byte[] body) {}

    record DimensionBody(String code, String nameZh, String nameEn, String kind, List<Named> members) {}

    record CatalogBody(
            List<FigureBody> figures,
            List<DimensionBody> dimensions,
            List<String> years,
            LocalDate latestReportDate,
            // the legacy stock's cut-off, so the dashboards need not spell it again
            LocalDate campaignBaseline,
            VersionBody modelVersion) {}

    CatalogController(FigureService figures, JsonResponses json) {
        this.figures = figures;
        this.json = json;
    }

    void catalog(Context ctx) {
        // one model version for the members, years, latest report date and the version stamp
        Optional<ModelSnapshot> snapshot = published();
        Optional<Long> number = snapshot.map(s -> s.version().version());
        Cached known = cached;
        if (known == null || !known.version().equals(number)) {
            known = new Cached(number, json.bytes(body(snapshot)));
            cached = known;
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(known.body());
    }

    private Optional<ModelSnapshot> published() {
        try {
            return Optional.of(figures.snapshot());
        } catch (ModelNotBuiltException e) {
            return Optional.empty();
        }
    }

    private CatalogBody body(Optional<ModelSnapshot> published) {
        List<FigureBody> figureBodies =
                Arrays.stream(Figure.values()).map(FigureBody::of).toList();
        if (published.isPresent()) {
            ModelSnapshot snapshot = published.get();
            List<DimensionBody> dimensions = Arrays.stream(Dimension.values())
                    .map(dimension -> new DimensionBody(
                            dimension.code(),
                            dimension.nameZh(),
                            dimension.nameEn(),
                            dimension.kind().name().toLowerCase(java.util.Locale.ROOT),
                            snapshot.members(dimension).stream().map(Named::of).toList()))
                    .toList();
            return new CatalogBody(
                    figureBodies,
                    dimensions,
                    figures.years(snapshot),
                    snapshot.defaultAsOf(),
                    Campaign.BASELINE,
                    VersionBody.of(snapshot.version()));
        } else {
            // before the first build the names are still useful; members and years come with the model
            return new CatalogBody(
                    figureBodies,
                    Arrays.stream(Dimension.values())
                            .map(d -> new DimensionBody(
                                    d.code(),
                                    d.nameZh(),
                                    d.nameEn(),
                                    d.kind().name().toLowerCase(java.util.Locale.ROOT),
                                    List.of()))
                            .toList(),
                    List.of(),
                    null,
                    Campaign.BASELINE,
                    null);
        }
    }
}
