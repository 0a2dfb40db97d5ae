package cn.xiaoan.analytics.service;

import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.Period;
import java.time.LocalDate;
import java.util.List;

/**
 * One point of a trend: the unit's code ({@code 2026-03}), the period its flows count (the unit within the range) and
 * the date its stocks are taken (the unit's end, or the as-of date in the current unit), with every figure per line.
 */
public record TrendPoint(String code, Period period, LocalDate asOf, List<FigureRow> rows) {
    public TrendPoint {
        rows = List.copyOf(rows);
    }
}
