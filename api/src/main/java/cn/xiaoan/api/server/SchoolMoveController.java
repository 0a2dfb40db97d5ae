package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.QuestionText;
import cn.xiaoan.api.auth.Principal;
import cn.xiaoan.domain.WarehouseBusyException;
import cn.xiaoan.ingest.SchoolMove;
import cn.xiaoan.ingest.SchoolMoveRefusedException;
import cn.xiaoan.ingest.SchoolMoveRequest;
import cn.xiaoan.ingest.SchoolMoves;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * {@code POST /api/v1/schools/{code}/move} (ADMIN): moves a school to another district, as {@code xiaoan schools move}
 * does, recorded with the signed-in administrator as who; the model is rebuilt in the background.
 */
final class SchoolMoveController {
    private final SchoolMoves moves;
    private final ModelRefresher refresher;

    SchoolMoveController(SchoolMoves moves, ModelRefresher refresher) {
        this.moves = requireNonNull(moves, "moves");
        this.refresher = requireNonNull(refresher, "refresher");
    }

    /** The request body. */
    record MoveBody(String to, String reason, String effectiveFrom) {}

    /** The answer: the recorded move and the model rebuild it asked for. */
    record MoveSummary(
            long sequence,
            String schoolCode,
            String schoolName,
            String fromDistrict,
            String toDistrict,
            LocalDate effectiveFrom,
            String reason,
            String movedBy,
            OffsetDateTime movedAt,
            ModelRefresher.State model) {}

    void move(Context ctx) {
        Principal principal = AccessControl.principal(ctx);
        MoveBody body;
        try {
            body = ctx.bodyAsClass(MoveBody.class);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("invalid_body", usage());
        }
        if (body == null || body.to() == null || body.to().isBlank()) {
            throw ApiException.badRequest("invalid_body", "Give the new district in \"to\" / 请填写迁入区县；" + usage());
        }
        var request = new SchoolMoveRequest(
                ctx.pathParam("code"),
                body.to(),
                body.reason() == null ? "" : body.reason(),
                QuestionText.date("effectiveFrom", Optional.ofNullable(body.effectiveFrom())),
                principal.username());
        SchoolMove move;
        try {
            move = moves.move(request);
        } catch (SchoolMoveRefusedException e) {
            throw switch (e.why()) {
                case UNKNOWN_SCHOOL -> ApiException.notFound("unknown_school", e.getMessage());
                case ALREADY_THERE -> new ApiException(409, "already_there", e.getMessage());
                case UNKNOWN_DISTRICT, BAD_EFFECTIVE_DATE, NO_REASON ->
                    ApiException.badRequest("move_refused", e.getMessage());
            };
        } catch (WarehouseBusyException e) {
            throw new ApiException(503, "warehouse_busy", e.getMessage());
        }
        ModelRefresher.State model = refresher.request();
        ctx.status(201)
                .json(new MoveSummary(
                        move.sequence(),
                        move.schoolCode(),
                        move.schoolName(),
                        move.fromDistrict(),
                        move.toDistrict(),
                        move.effectiveFrom(),
                        move.reason(),
                        move.movedBy(),
                        move.movedAt(),
                        model));
    }

    private static String usage() {
        return "Send JSON {\"to\": \"140921\", \"reason\": \"…\", \"effectiveFrom\": \"2026-09-01\"}";
    }
}
