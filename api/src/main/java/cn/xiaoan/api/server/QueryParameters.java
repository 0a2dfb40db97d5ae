package cn.xiaoan.api.server;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads query parameters, turning malformed values into 400 errors that name the parameter and the expected form. */
final class QueryParameters {
    private final Context ctx;

    QueryParameters(Context ctx) {
        this.ctx = ctx;
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    Optional<Integer> integer(String name) {
        return text(name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(
                        "invalid_number", "Parameter " + name + "=\"" + value + "\" is not a whole number, e.g. 1");
            }
        });
    }

    Optional<LocalDate> date(String name) {
        return text(name).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(
                        "invalid_date",
                        "Parameter " + name + "=\"" + value + "\" is not a date: use YYYY-MM-DD, e.g. 2026-10-31");
            }
        });
    }
}
