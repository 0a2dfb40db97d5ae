package cn.xiaoan.analytics.report;

import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureChange;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.Period;
import java.time.LocalDate;
import java.util.List;

/** The report's figures against an earlier span (上年同期, 上月, 上年同月): that span's row and each change. */
public record Comparison(
        String labelZh, String labelEn, Period period, LocalDate asOf, FigureRow total, List<FigureChange> changes) {
    public Comparison {
        changes = List.copyOf(changes);
    }

    public FigureChange change(Figure figure) {
        return changes.stream()
                .filter(change -> change.figure() == figure)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No change of " + figure.code() + " in " + labelEn));
    }
}
