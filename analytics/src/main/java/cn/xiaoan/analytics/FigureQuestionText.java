package cn.xiaoan.analytics;

import java.time.LocalDate;
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
 * A figure question as people type it, on the command line ({@code --from --to --as-of --by --filter}) or in a URL
 * ({@code from, to, asOf, by, filter}): parsed into a {@link FigureRequest}, or refused with a message that says what
 * to write instead.
 */
public final class FigureQuestionText {
    private FigureQuestionText() {}

    /**
     * @param from, to the period (both or neither), YYYY-MM-DD
     * @param asOf the as-of date, YYYY-MM-DD, or empty
     * @param by breakdown dimension codes, each possibly comma separated ({@code district,category})
     * @param filters {@code dim=code[,code...]}, one per dimension
     */
    public static FigureRequest parse(
            Optional<String> from, Optional<String> to, Optional<String> asOf, List<String> by, List<String> filters) {
        Optional<LocalDate> start = from.map(text -> date("from", text));
        Optional<LocalDate> end = to.map(text -> date("to", text));
        if (start.isPresent() != end.isPresent()) {
            throw new IllegalArgumentException("Give both from and to (YYYY-MM-DD), or neither: the period then runs"
                    + " from 1 January of the as-of date's year to the as-of date");
        }
        Optional<Period> period = start.map(s -> new Period(s, end.orElseThrow()));
        return new FigureRequest(period, asOf.map(text -> date("as-of", text)), dimensions(by), filters(filters));
    }

    private static List<Dimension> dimensions(List<String> texts) {
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

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + " \"" + text + "\" is not a date: use YYYY-MM-DD, e.g. 2026-10-31", e);
        }
    }
}
