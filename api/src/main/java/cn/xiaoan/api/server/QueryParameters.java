package cn.xiaoan.api.server;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.figure.QuestionText;
import cn.xiaoan.analytics.figure.QuestionText.Spelling;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads query parameters, turning malformed values into 400 errors that name the parameter and the expected form. The
 * question parameters ({@code from, to, asOf, by, filter}) go through {@link QuestionText}, the parser the command
 * line uses too, so every route refuses the same mistake with the same code and message.
 */
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

    /** A date parameter, YYYY-MM-DD (400 {@code invalid_date} otherwise). */
    Optional<LocalDate> date(String name) {
        return QuestionText.date(name, text(name));
    }

    Optional<LocalDate> asOf() {
        return date(Spelling.URL.asOf());
    }

    /** {@code from} and {@code to}, both or neither (400 {@code incomplete_period} otherwise). */
    Optional<Period> period() {
        return QuestionText.period(Spelling.URL, text(Spelling.URL.from()), text(Spelling.URL.to()));
    }

    /** The whole question: period, as-of date, breakdown ({@code by}) and filters. */
    Question question() {
        return QuestionText.parse(
                Spelling.URL,
                text(Spelling.URL.from()),
                text(Spelling.URL.to()),
                text(Spelling.URL.asOf()),
                ctx.queryParams("by"),
                ctx.queryParams("filter"));
    }

    /** The question without a breakdown (a route whose shape is fixed, e.g. a comparison of totals). */
    Question questionOfTotals() {
        return QuestionText.parse(
                Spelling.URL,
                text(Spelling.URL.from()),
                text(Spelling.URL.to()),
                text(Spelling.URL.asOf()),
                List.of(),
                ctx.queryParams("filter"));
    }

    /** {@code knownAt} and {@code reportedBy}: what the answer may know (as known now when both are absent). */
    Knowledge knowledge() {
        return QuestionText.knowledge(Spelling.URL, text(Spelling.URL.knownAt()), text(Spelling.URL.reportedBy()));
    }

    /** {@code filter=dimension=code[,code…]}, repeatable, time dimensions included (for drill-downs). */
    Map<Dimension, Set<String>> filters() {
        return QuestionText.filters(ctx.queryParams("filter"));
    }

    /**
     * {@code figures=open,overdue}, repeatable: the figures a page shows, computed alone (400 {@code unknown_figure}
     * for a code not in the registry); empty when absent (every figure).
     */
    Optional<Set<Figure>> figures() {
        var wanted = EnumSet.noneOf(Figure.class);
        for (String list : ctx.queryParams("figures")) {
            for (String code : list.split(",")) {
                if (!code.isBlank()) {
                    try {
                        wanted.add(Figure.fromCode(code));
                    } catch (IllegalArgumentException e) {
                        throw ApiException.badRequest(
                                "unknown_figure",
                                "未知指标 Unknown figure \"" + code.strip() + "\": use one of " + Figure.codes());
                    }
                }
            }
        }
        return wanted.isEmpty() ? Optional.empty() : Optional.of(Collections.unmodifiableSet(wanted));
    }

    /** {@code by=district,category}, repeatable. */
    List<Dimension> by() {
        return QuestionText.dimensions(ctx.queryParams("by"));
    }
}
