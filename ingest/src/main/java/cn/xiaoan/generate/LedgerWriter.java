package cn.xiaoan.generate;

import cn.xiaoan.domain.Category;
import cn.xiaoan.domain.HazardStatus;
import cn.xiaoan.domain.InspectionType;
import cn.xiaoan.domain.Severity;
import cn.xiaoan.domain.Taxonomy;
import java.io.IOException;
import java.util.List;

/**
 * Writes the hazard ledger snapshots. Snapshot k lists the hazards found in (R(k-1), R(k)] and the earlier hazards
 * whose status changed since R(k-1), each with its status at R(k); so a later snapshot repeats a hazard only with a
 * newer status.
 */
final class LedgerWriter {
    private final HazardModel model;
    private final Names names;
    private final SchoolPanel panel;
    private final String[] schoolCodes;
    private final int sequenceWidth;

    /** Chinese names and codes of the coded columns, by enum ordinal. */
    record Names(String[] inspectionTypes, String[] categories, String[] severities, String[] statuses) {
        static Names of(Taxonomy taxonomy) {
            return new Names(
                    names(taxonomy, InspectionType.values()),
                    names(taxonomy, Category.values()),
                    names(taxonomy, Severity.values()),
                    names(taxonomy, HazardStatus.values()));
        }

        private static String[] names(Taxonomy taxonomy, cn.xiaoan.domain.Coded[] values) {
            var names = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                names[i] = taxonomy.term(values[i]).nameZh();
            }
            return names;
        }
    }

    LedgerWriter(HazardModel model, Names names) {
        this.model = model;
        this.names = names;
        this.panel = model.panel();
        this.schoolCodes = new String[panel.size()];
        for (int s = 0; s < schoolCodes.length; s++) {
            schoolCodes[s] = panel.schools[s].code();
        }
        this.sequenceWidth = 5;
    }

    /** Writes snapshot {@code k} (report date index) and returns the number of rows. */
    long write(int k, RowSink sink, GeneratorProgress progress) throws IOException {
        List<java.time.LocalDate> reportDates = DemoCalendar.REPORT_DATES;
        int report = DemoCalendar.day(reportDates.get(k));
        int previous = k == 0 ? -1 : DemoCalendar.day(reportDates.get(k - 1));
        long firstNew = model.firstIndexAfter(previous);
        long end = model.firstIndexAfter(report);
        var counter = new ProgressCounter(progress, "ledger " + reportDates.get(k), end);
        // Hazard ids number each school's hazards in found order, so every pass counts from the first hazard.
        int[] sequence = new int[panel.size()];
        var hazard = new Hazard();
        var id = new StringBuilder(32);
        long rows = 0;
        for (long i = 0; i < end; i++) {
            counter.advance();
            model.skeleton(i, hazard);
            int seq = ++sequence[hazard.school];
            HazardStatus status = hazard.statusAt(report);
            if (i < firstNew && status == hazard.statusAt(previous)) {
                continue;
            }
            model.texts(hazard);
            id.setLength(0);
            id.append("YH-").append(schoolCodes[hazard.school]).append('-');
            String digits = Integer.toString(seq);
            for (int pad = digits.length(); pad < sequenceWidth; pad++) {
                id.append('0');
            }
            id.append(digits);
            writeRow(sink, hazard, id.toString(), status);
            rows++;
        }
        counter.finish();
        return rows;
    }

    private void writeRow(RowSink sink, Hazard hazard, String id, HazardStatus status) throws IOException {
        int s = hazard.school;
        sink.text(id);
        sink.text(schoolCodes[s]);
        sink.text(panel.schools[s].name());
        sink.date(hazard.foundDay);
        sink.coded(names.inspectionTypes()[hazard.inspectionType.ordinal()], hazard.inspectionType.code());
        sink.text(model.inspectorName(s, hazard.inspectionType, hazard.inspector));
        sink.coded(names.categories()[hazard.category.ordinal()], hazard.category.code());
        sink.text(hazard.location);
        sink.text(hazard.item.description());
        Severity severity = hazard.major ? Severity.MAJOR : Severity.GENERAL;
        sink.coded(names.severities()[severity.ordinal()], severity.code());
        sink.text(hazard.item.measures());
        sink.text(hazard.temporaryMeasures);
        sink.text(panel.staff[s][hazard.responsible]);
        sink.date(hazard.deadline);
        sink.coded(names.statuses()[status.ordinal()], status.code());
        boolean rectified = status == HazardStatus.RECTIFIED || status == HazardStatus.CLOSED;
        sink.date(rectified ? hazard.rectifiedDay : -1);
        sink.date(status == HazardStatus.CLOSED ? hazard.closedDay : -1);
        sink.text(hazard.basis);
        sink.endRow();
    }
}
