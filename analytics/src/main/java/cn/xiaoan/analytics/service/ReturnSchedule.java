package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.ReturnPeriod;
import cn.xiaoan.analytics.campaign.ReturnRule;
import java.util.List;

/** One return of a campaign: its periods (ReturnCalendar) and every school's standing on each (school × period). */
public record ReturnSchedule(ReturnRule rule, List<ReturnPeriod> periods, List<ReturnCell> cells) {
    public ReturnSchedule {
        requireNonNull(rule, "rule");
        periods = List.copyOf(periods);
        cells = List.copyOf(cells);
    }

    /** The cells of one status, e.g. every missed return. */
    public List<ReturnCell> withStatus(ReturnStatus status) {
        return cells.stream().filter(cell -> cell.status() == status).toList();
    }
}
