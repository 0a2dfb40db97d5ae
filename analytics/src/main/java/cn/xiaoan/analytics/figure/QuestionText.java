package cn.xiaoan.analytics.figure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A question as people type it, on the command line ({@code --from --to --as-of --by --filter --known-at
 * --reported-by}) or in a URL ({@code from, to, asOf, by, filter, knownAt, reportedBy}): the one parser every HTTP handler and the CLI use. It gives a {@link Question},
 * or refuses with one code and message per mistake, naming the parameter as the caller wrote it.
 */
public final class QuestionText {
    private QuestionText() {}

    /** How the caller names the period and as-of parameters. */
    public enum Spelling {
        URL("from", "to", "asOf", "knownAt", "reportedBy"),
        COMMAND_LINE("--from", "--to", "--as-of", "--known-at", "--reported-by");

        private final String from;
        private final String to;
        private final String asOf;
        private final String knownAt;
        private final String reportedBy;

        Spelling(String from, String to, String asOf, String knownAt, String reportedBy) {
            this.from = from;
            this.to = to;
            this.asOf = asOf;
            this.knownAt = knownAt;
            this.reportedBy = reportedBy;
        }

        public String knownAt() {
            return knownAt;
        }

        public String reportedBy() {
            return reportedBy;
        }

        public String from() {
            return from;
        }

        public String to() {
            return to;
        }

        public String asOf() {
            return asOf;
        }
    }

    /**
     * @param from, to the period (both or neither), YYYY-MM-DD
     * @param asOf the as-of date, YYYY-MM-DD, or empty
     * @param by breakdown dimension codes, each possibly comma separated ({@code district,category})
     * @param filters {@code dim=code[,code...]}, one per dimension
     */
    public static Question parse(
            Spelling spelling,
            Optional<String> from,
            Optional<String> to,
            Optional<String> asOf,
            List<String> by,
            List<String> filters) {
        return new Question(period(spelling, from, to), date(spelling.asOf(), asOf), dimensions(by), filters(filters));
    }

    /** The period from {@code from} and {@code to}: both or neither. */
    public static Optional<Period> period(Spelling spelling, Optional<String> from, Optional<String> to) {
        Optional<LocalDate> start = date(spelling.from(), from);
        Optional<LocalDate> end = date(spelling.to(), to);
        if (start.isPresent() != end.isPresent()) {
            throw new QuestionTextException(
                    "incomplete_period",
                    "Give both " + spelling.from() + " and " + spelling.to() + " (YYYY-MM-DD), or neither: the period"
                            + " then runs from 1 January of the as-of date's year to the as-of date",
                    null);
        }
        return start.map(s -> new Period(s, end.orElseThrow()));
    }

    /** A date parameter, YYYY-MM-DD; blank reads as absent. */
    public static Optional<LocalDate> date(String parameter, Optional<String> text) {
        return text.map(String::strip).filter(value -> !value.isEmpty()).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new QuestionTextException(
                        "invalid_date",
                        "Parameter " + parameter + "=\"" + value + "\" is not a date: use YYYY-MM-DD, e.g. 2026-10-31",
                        e);
            }
        });
    }

    /**
     * What the answer may know ({@link Knowledge}): {@code knownAt} an instant with its offset
     * ({@code 2026-11-25T18:00:00+08:00}, or {@code …Z}) or a date, meaning the end of that day in Asia/Shanghai;
     * {@code reportedBy} a date. Both absent: as known now.
     */
    public static Knowledge knowledge(Spelling spelling, Optional<String> knownAt, Optional<String> reportedBy) {
        Optional<Instant> at = knownAt.map(String::strip)
                .filter(value -> !value.isEmpty())
                .map(value -> instant(spelling.knownAt(), value));
        return new Knowledge(at, date(spelling.reportedBy(), reportedBy));
    }

    private static Instant instant(String parameter, String value) {
        if (value.length() == 10) {
            return date(parameter, Optional.of(value)).map(Knowledge::endOf).orElseThrow();
        }
        try {
            // without an offset the time is the bureaus' (Beijing time), as a bare date's day is
            return value.matches(".*([+-]\\d{2}:?\\d{2}|Z)$")
                    ? OffsetDateTime.parse(value).toInstant()
                    : java.time.LocalDateTime.parse(value)
                            .atZone(Knowledge.ZONE)
                            .toInstant();
        } catch (DateTimeParseException e) {
            throw new QuestionTextException(
                    "invalid_known_at",
                    "Parameter " + parameter + "=\"" + value + "\" is not an instant: use an ISO time with its offset,"
                            + " e.g. 2026-11-25T18:00:00+08:00, or a date (YYYY-MM-DD: the end of that day, Beijing"
                            + " time) / 已知时间格式应为 2026-11-25T18:00:00+08:00 或 2026-11-25",
                    e);
        }
    }

    /** Breakdown dimension codes, each text possibly comma separated ({@code district,category}). */
    public static List<Dimension> dimensions(List<String> texts) {
        var dimensions = new ArrayList<Dimension>();
        for (String text : texts) {
            for (String code : text.split(",")) {
                if (!code.isBlank()) {
                    dimensions.add(Dimension.fromCode(code));
                }
            }
        }
        return dimensions;
    }

    /**
     * Filters as typed, {@code dim=code[,code…]} one per dimension, time dimensions included (a drill-down narrows by
     * found month; figure questions refuse time filters themselves).
     */
    public static Map<Dimension, Set<String>> filters(List<String> texts) {
        var filters = new EnumMap<Dimension, Set<String>>(Dimension.class);
        for (String text : texts) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Cannot read filter \"" + text
                        + "\": write dimension=code[,code…], e.g. district=140902 or severity=MAJOR");
            }
            Dimension dimension = Dimension.fromCode(text.substring(0, equals));
            Set<String> codes = new LinkedHashSet<>();
            Arrays.stream(text.substring(equals + 1).split(","))
                    .map(String::strip)
                    .filter(code -> !code.isEmpty())
                    .forEach(codes::add);
            if (filters.containsKey(dimension)) {
                throw new IllegalArgumentException("Cannot read filter \"" + text + "\": " + dimension.code()
                        + " is filtered twice; list its codes in one filter, comma separated");
            }
            filters.put(dimension, codes);
        }
        return filters;
    }
}
