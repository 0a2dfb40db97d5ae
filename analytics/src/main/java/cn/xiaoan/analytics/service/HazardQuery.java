package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.SortDirection;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hazards behind a figure's cell: the figure question's period, as-of date and codes (time dimensions by found
 * month, as the figures' time breakdowns), the state the clicked figure counts, optionally some schools, a free-text
 * search over school name, hazard id, description and location, a sort and a page.
 *
 * @param page 1-based
 * @param size rows per page, 1 to {@link #MAX_SIZE}
 * @param supervisedOnly only hazards listed for supervision (督办)
 */
public record HazardQuery(
        Optional<Period> period,
        Optional<LocalDate> asOf,
        Map<Dimension, Set<String>> filters,
        Set<String> schools,
        HazardState state,
        String text,
        HazardSort sort,
        SortDirection direction,
        int page,
        int size,
        boolean supervisedOnly) {
    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    public HazardQuery {
        requireNonNull(period, "period");
        requireNonNull(asOf, "asOf");
        requireNonNull(state, "state");
        requireNonNull(sort, "sort");
        requireNonNull(direction, "direction");
        text = text == null ? "" : text.strip();
        schools = Set.copyOf(schools);
        if (page < 1) {
            throw new IllegalArgumentException("Cannot show page " + page + ": pages start at 1");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("Cannot show " + size + " hazards per page: choose 1 to " + MAX_SIZE);
        }
        var copied = new EnumMap<Dimension, Set<String>>(Dimension.class);
        filters.forEach((dimension, codes) -> {
            if (codes.isEmpty()) {
                throw new IllegalArgumentException("Cannot filter by " + dimension.code() + ": no code given");
            }
            copied.put(dimension, Collections.unmodifiableSet(new LinkedHashSet<>(codes)));
        });
        filters = Collections.unmodifiableMap(copied);
    }

    /** A query of hazards whether listed for supervision or not. */
    public HazardQuery(
            Optional<Period> period,
            Optional<LocalDate> asOf,
            Map<Dimension, Set<String>> filters,
            Set<String> schools,
            HazardState state,
            String text,
            HazardSort sort,
            SortDirection direction,
            int page,
            int size) {
        this(period, asOf, filters, schools, state, text, sort, direction, page, size, false);
    }

    /** Every hazard in the state at the defaults, most recently found first, first page. */
    public static HazardQuery in(HazardState state) {
        return new HazardQuery(
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                Set.of(),
                state,
                "",
                HazardSort.FOUND_DATE,
                SortDirection.DESC,
                1,
                DEFAULT_SIZE);
    }

    public HazardQuery inState(HazardState newState) {
        return new HazardQuery(
                period, asOf, filters, schools, newState, text, sort, direction, page, size, supervisedOnly);
    }

    public HazardQuery filtered(Dimension dimension, Set<String> codes) {
        var more = new EnumMap<Dimension, Set<String>>(Dimension.class);
        more.putAll(filters);
        more.put(dimension, codes);
        return new HazardQuery(period, asOf, more, schools, state, text, sort, direction, page, size, supervisedOnly);
    }

    public HazardQuery at(Period newPeriod, LocalDate newAsOf) {
        return new HazardQuery(
                Optional.of(newPeriod),
                Optional.of(newAsOf),
                filters,
                schools,
                state,
                text,
                sort,
                direction,
                page,
                size,
                supervisedOnly);
    }

    public HazardQuery ofSchools(Set<String> codes) {
        return new HazardQuery(period, asOf, filters, codes, state, text, sort, direction, page, size, supervisedOnly);
    }

    public HazardQuery sorted(HazardSort newSort, SortDirection newDirection) {
        return new HazardQuery(
                period, asOf, filters, schools, state, text, newSort, newDirection, page, size, supervisedOnly);
    }

    public HazardQuery page(int newPage, int newSize) {
        return new HazardQuery(
                period, asOf, filters, schools, state, text, sort, direction, newPage, newSize, supervisedOnly);
    }

    /** The same query narrowed to hazards listed for supervision (督办), or no longer narrowed. */
    public HazardQuery supervised(boolean only) {
        return new HazardQuery(period, asOf, filters, schools, state, text, sort, direction, page, size, only);
    }

    public HazardQuery searching(String newText) {
        return new HazardQuery(
                period, asOf, filters, schools, state, newText, sort, direction, page, size, supervisedOnly);
    }
}
