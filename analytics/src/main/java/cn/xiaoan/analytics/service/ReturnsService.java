package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.AreaDistrict;
import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.campaign.ReturnCalendar;
import cn.xiaoan.analytics.campaign.ReturnPeriod;
import cn.xiaoan.analytics.campaign.ReturnRule;
import cn.xiaoan.analytics.figure.CodeList;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A campaign's returns per school and period as its cadence asks (docs/CAMPAIGNS.md, "Returns"): on time, nil, late,
 * missing or not due yet, each period one run of {@code sql/campaign/return_period.sql} over {@code
 * return_submissions}. The periods come from {@link ReturnCalendar}; no date is decided here.
 */
public final class ReturnsService {
    private static final SqlTemplate PERIOD = SqlTemplate.load("campaign/return_period.sql");

    private final FigureService figures;

    public ReturnsService(FigureService figures) {
        this.figures = requireNonNull(figures, "figures");
    }

    /** As of D (default: the latest report date), for the given districts (empty: the whole area). */
    public ReturnsReport returns(CampaignDefinition campaign, Optional<LocalDate> asOf, Set<String> districts) {
        return returns(campaign, figures.snapshot(), asOf, districts);
    }

    public ReturnsReport returns(
            CampaignDefinition campaign, ModelSnapshot snapshot, Optional<LocalDate> asOf, Set<String> districts) {
        requireNonNull(campaign, "campaign");
        LocalDate d = snapshot.dates(Optional.empty(), asOf).asOf();
        var schedules = new ArrayList<ReturnSchedule>();
        var untracked = new ArrayList<ReturnRule>();
        for (ReturnRule rule : campaign.returns()) {
            if (rule.dataset().isEmpty()) {
                untracked.add(rule);
                continue;
            }
            List<ReturnPeriod> periods = ReturnCalendar.periods(rule);
            var cells = new ArrayList<ReturnCell>();
            for (ReturnPeriod period : periods) {
                if (period.opens().isAfter(d)) {
                    break; // nothing can be owed yet for this period or any later one
                }
                var parameters = new HashMap<String, Object>();
                parameters.put(
                        "area_districts",
                        CodeList.of(campaign.area().districts().stream()
                                .map(AreaDistrict::code)
                                .collect(Collectors.toSet())));
                parameters.put(
                        "area_schools", CampaignScope.names(campaign.area().schools()));
                parameters.put("f_district", CodeList.of(districts));
                parameters.put("dataset", rule.dataset().get().directory());
                parameters.put("nil_allowed", rule.nilAllowed() ? 1 : 0);
                parameters.put("opens", Date.valueOf(period.opens()));
                parameters.put("due", Date.valueOf(period.due()));
                parameters.put("late_until", Date.valueOf(period.lateUntil()));
                parameters.put("as_of", Date.valueOf(d));
                cells.addAll(figures.select(snapshot.model(), PERIOD, parameters, row -> cell(row, period.number())));
            }
            schedules.add(new ReturnSchedule(rule, periods, cells));
        }
        return new ReturnsReport(campaign, d, snapshot.version(), schedules, untracked);
    }

    private static ReturnCell cell(ResultSet row, int period) throws SQLException {
        Date returned = row.getDate("returned_on");
        long rows = row.getLong("rows_returned");
        return new ReturnCell(
                row.getString("school_code"),
                row.getString("school_name"),
                row.getString("district_code"),
                period,
                ReturnStatus.valueOf(row.getString("status")),
                returned == null ? null : returned.toLocalDate(),
                row.wasNull() ? null : rows);
    }
}
