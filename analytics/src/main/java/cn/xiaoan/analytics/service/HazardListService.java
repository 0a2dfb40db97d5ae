package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.CodeList;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.figure.ResolvedDates;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.analytics.serving.ServingModel;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The hazards behind a figure (drill-down), from the published model: {@code sql/drill/hazards.sql}, whose state
 * predicates are the figures' own, so a cell's list is as long as its figure says.
 */
public final class HazardListService {
    private static final SqlTemplate HAZARDS = SqlTemplate.load("drill/hazards.sql");
    private static final Map<Dimension, Pattern> TIME_CODES = Map.of(
            Dimension.MONTH, Pattern.compile("\\d{4}-(0[1-9]|1[0-2])"),
            Dimension.QUARTER, Pattern.compile("\\d{4}-Q[1-4]"),
            Dimension.YEAR, Pattern.compile("\\d{4}"));

    private final FigureService figures;

    public HazardListService(FigureService figures) {
        this.figures = requireNonNull(figures, "figures");
    }

    /** One page of the hazards matching the query, within the scope whatever the query's filters say. */
    public HazardPage list(HazardQuery query, DistrictScope scope) {
        return list(figures.snapshot(), query, scope);
    }

    /** One page of the hazards matching the query, from the given snapshot. */
    public HazardPage list(ModelSnapshot snapshot, HazardQuery query, DistrictScope scope) {
        return select(snapshot, query, scope, query.size(), (long) (query.page() - 1) * query.size());
    }

    /**
     * The first {@code limit} hazards matching the query in its order, whatever its page (for exports); the page
     * records the query's page size and the total.
     */
    public HazardPage first(HazardQuery query, DistrictScope scope, int limit) {
        return first(figures.snapshot(), query, scope, limit);
    }

    /** The first {@code limit} hazards matching the query, from the given snapshot. */
    public HazardPage first(ModelSnapshot snapshot, HazardQuery query, DistrictScope scope, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("Cannot list " + limit + " hazards: ask for at least one");
        }
        return select(snapshot, query, scope, limit, 0);
    }

    private HazardPage select(ModelSnapshot snapshot, HazardQuery query, DistrictScope scope, int limit, long offset) {
        requireNonNull(snapshot, "snapshot");
        requireNonNull(query, "query");
        requireNonNull(scope, "scope");
        ServingModel model = snapshot.model();
        ResolvedDates dates = snapshot.dates(query.period(), query.asOf());
        Map<Dimension, Set<String>> filters = checked(snapshot, query.filters());

        var parameters = new HashMap<String, Object>();
        dates.bind(parameters);
        parameters.put("state", query.state().code());
        parameters.put("scope_district", scope.parameter());
        parameters.put("f_school", CodeList.of(query.schools()));
        parameters.put(
                "one_school",
                query.schools().size() == 1 ? query.schools().iterator().next() : "");
        // time dimensions too: a drill-down narrows by found month, which no figure question may
        for (Dimension dimension : Dimension.values()) {
            parameters.put("f_" + dimension.code(), CodeList.of(filters.getOrDefault(dimension, Set.of())));
        }
        parameters.put("text", query.text().toLowerCase(Locale.ROOT));
        parameters.put("f_supervised", query.supervisedOnly());
        parameters.put("limit", limit);
        parameters.put("offset", offset);
        // without free text the list never reads the hazards' text but the page's (drill/hazards.sql)
        SqlTemplate sql = (query.text().isEmpty() ? HAZARDS.withoutSection("text_search") : HAZARDS)
                .withIdentifiers(Map.of(
                        "sort_key",
                        query.sort().column(),
                        "sort_direction",
                        query.direction().keyword()));

        long[] total = {0};
        List<HazardItem> items = new ArrayList<>();
        // Every row carries the total; past the last page the only row is the total's (on_page NULL).
        figures.select(model, sql, parameters, row -> {
            total[0] = row.getLong("total");
            if (row.getObject("on_page") != null) {
                items.add(item(row));
            }
            return null;
        });
        return new HazardPage(
                dates.period(),
                dates.asOf(),
                query.state(),
                filters,
                query.schools(),
                query.text(),
                query.sort(),
                query.direction(),
                query.page(),
                query.size(),
                total[0],
                items,
                snapshot.version());
    }

    private static Map<Dimension, Set<String>> checked(ModelSnapshot snapshot, Map<Dimension, Set<String>> filters) {
        var checked = new EnumMap<Dimension, Set<String>>(Dimension.class);
        filters.forEach((dimension, codes) -> {
            if (dimension.kind() == Dimension.Kind.TIME) {
                var normalised = new LinkedHashSet<String>();
                for (String code : codes) {
                    String value = code.strip().toUpperCase(Locale.ROOT);
                    if (!TIME_CODES.get(dimension).matcher(value).matches()) {
                        throw new IllegalArgumentException("Cannot filter by " + dimension.code() + "=" + code
                                + ": expected a code like "
                                + switch (dimension) {
                                    case MONTH -> "2026-03";
                                    case QUARTER -> "2026-Q1";
                                    default -> "2026";
                                });
                    }
                    normalised.add(value);
                }
                checked.put(dimension, normalised);
            } else {
                checked.put(dimension, snapshot.memberCodes(dimension, codes));
            }
        });
        return checked;
    }

    private static HazardItem item(ResultSet row) throws SQLException {
        Object overdue = row.getObject("days_overdue");
        return new HazardItem(
                row.getString("hazard_id"),
                row.getString("school_code"),
                row.getString("school_name"),
                row.getString("district_code"),
                row.getString("district_name_zh"),
                row.getString("school_type"),
                row.getString("boarding"),
                row.getString("category"),
                row.getString("severity"),
                row.getString("inspection_type"),
                date(row, "found_date"),
                date(row, "deadline"),
                row.getString("status"),
                date(row, "rectified_date"),
                row.getString("responsible_person"),
                row.getString("temporary_measures"),
                row.getString("description"),
                row.getString("location"),
                overdue == null ? null : ((Number) overdue).intValue(),
                row.getString("responsible_unit"),
                flag(row, "supervised"));
    }

    /** A nullable BOOLEAN column. */
    static Boolean flag(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    static LocalDate date(ResultSet row, String column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
