package cn.xiaoan.analytics.service;

import cn.xiaoan.analytics.figure.Figure;
import java.time.LocalDate;

/**
 * The projection (预测) of one goal measure at the goal's date: the expected value and a 90 % interval (the 5th and
 * 95th percentiles of the simulation), and the chance that the measure's threshold conditions hold then. A measure
 * the outlook cannot project has null numbers and a reason.
 */
public record MeasureOutlook(
        String measureId,
        String nameZh,
        String nameEn,
        Figure figure,
        LocalDate at,
        Double expected,
        Double low,
        Double high,
        Double chanceMet,
        String reasonZh,
        String reasonEn) {
    static MeasureOutlook notProjected(
            String measureId, String nameZh, String nameEn, Figure figure, LocalDate at, String zh, String en) {
        return new MeasureOutlook(measureId, nameZh, nameEn, figure, at, null, null, null, null, zh, en);
    }

    public boolean projected() {
        return expected != null;
    }
}
