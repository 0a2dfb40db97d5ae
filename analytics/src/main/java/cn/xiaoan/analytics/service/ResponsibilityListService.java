package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.CodeList;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.figure.ResolvedDates;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.domain.HazardStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The 整改责任清单 (responsibility list) over the published model: one {@code sql/drill/responsibility_list.sql}. */
public final class ResponsibilityListService {
    /** An export holds every matching hazard up to this many (a city's open hazards fit many times over). */
    public static final int MAX_ROWS = 1_000_000;

    private static final SqlTemplate LIST = SqlTemplate.load("drill/responsibility_list.sql");

    private final FigureService figures;

    public ResponsibilityListService(FigureService figures) {
        this.figures = requireNonNull(figures, "figures");
    }

    public ResponsibilityList list(ResponsibilityQuery query, DistrictScope scope, int limit) {
        return list(figures.snapshot(), query, scope, limit);
    }

    /** The first {@code limit} hazards of the list within the scope, whatever the query's districts say. */
    public ResponsibilityList list(ModelSnapshot snapshot, ResponsibilityQuery query, DistrictScope scope, int limit) {
        requireNonNull(snapshot, "snapshot");
        requireNonNull(query, "query");
        requireNonNull(scope, "scope");
        if (limit < 1 || limit > MAX_ROWS) {
            throw new IllegalArgumentException("Cannot list " + limit + " hazards: choose 1 to " + MAX_ROWS);
        }
        ResolvedDates dates = snapshot.dates(Optional.empty(), query.asOf());
        var parameters = new HashMap<String, Object>();
        dates.bind(parameters);
        parameters.put("scope_district", scope.parameter());
        parameters.put("f_district", CodeList.of(snapshot.memberCodes(Dimension.DISTRICT, query.districts())));
        parameters.put(
                "f_status",
                CodeList.of(query.statuses().stream().map(HazardStatus::code).collect(Collectors.toSet())));
        parameters.put("f_supervised", query.supervisedOnly());
        parameters.put("open_only", query.openOnly());
        parameters.put("limit", limit);
        long[] total = {0};
        List<ResponsibilityItem> items = figures.select(snapshot.model(), LIST, parameters, row -> {
            total[0] = row.getLong("total");
            return item(row);
        });
        return new ResponsibilityList(query, dates.asOf(), total[0], items, snapshot.version());
    }

    private static ResponsibilityItem item(ResultSet row) throws SQLException {
        Object overdue = row.getObject("days_overdue");
        return new ResponsibilityItem(
                row.getString("district_code"),
                row.getString("district_name_zh"),
                row.getString("school_code"),
                row.getString("school_name"),
                row.getString("hazard_id"),
                row.getString("category"),
                row.getString("severity"),
                row.getString("location"),
                row.getString("description"),
                row.getString("measures"),
                row.getString("temporary_measures"),
                row.getString("responsible_unit"),
                row.getString("responsible_person"),
                HazardListService.date(row, "found_date"),
                HazardListService.date(row, "deadline"),
                row.getString("status"),
                row.getString("status_name_zh") == null ? row.getString("status") : row.getString("status_name_zh"),
                HazardListService.date(row, "rectified_date"),
                HazardListService.date(row, "closed_date"),
                HazardListService.flag(row, "supervised"),
                row.getString("supervised_by"),
                HazardListService.date(row, "supervised_date"),
                overdue == null ? null : ((Number) overdue).intValue());
    }
}
