package cn.xiaoan.api.server;

import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.HazardHistoryService;
import cn.xiaoan.analytics.service.HazardTimeline;
import cn.xiaoan.analytics.service.UnknownHazardException;
import cn.xiaoan.api.server.JsonBodies.VersionBody;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/hazards/{school}/{id}}: one hazard's current state, its snapshots and its timeline. A district
 * user sees only hazards of the districts in scope; any other hazard reads as unknown (404), never as forbidden, so
 * that the answer tells nothing about other districts.
 */
final class HazardController {
    private final FigureService figures;
    private final HazardHistoryService history;
    private final JsonResponses json;

    HazardController(FigureService figures, HazardHistoryService history, JsonResponses json) {
        this.figures = figures;
        this.history = history;
        this.json = json;
    }

    void hazard(Context ctx) throws IOException {
        String school = ctx.pathParam("school");
        String id = ctx.pathParam("id");
        try {
            HazardTimeline timeline = history.timeline(
                    figures.snapshot(new QueryParameters(ctx).knowledge()),
                    school,
                    id,
                    Scoping.districts(AccessControl.principal(ctx).scope()));
            json.send(ctx, TimelineBody.of(timeline));
        } catch (UnknownHazardException e) {
            throw ApiException.notFound(
                    "unknown_hazard",
                    "No hazard " + id + " of school " + school + " within your scope / 辖区内无此隐患: check the school"
                            + " code and hazard id in /api/v1/hazards");
        }
    }

    /** The timeline as JSON: each event's kind as its code with Chinese and English names. */
    record TimelineBody(
            HazardTimeline.Hazard hazard,
            List<HazardTimeline.Snapshot> snapshots,
            List<EventBody> events,
            VersionBody modelVersion) {
        static TimelineBody of(HazardTimeline timeline) {
            return new TimelineBody(
                    timeline.hazard(),
                    timeline.snapshots(),
                    timeline.events().stream().map(EventBody::of).toList(),
                    VersionBody.of(timeline.modelVersion()));
        }
    }

    record EventBody(
            LocalDate date,
            String kind,
            String kindZh,
            String kindEn,
            Long batchId,
            HazardTimeline.Named from,
            HazardTimeline.Named to) {
        static EventBody of(HazardTimeline.Event event) {
            return new EventBody(
                    event.date(),
                    event.kind().code(),
                    event.kind().nameZh(),
                    event.kind().nameEn(),
                    event.batchId(),
                    event.from(),
                    event.to());
        }
    }
}
