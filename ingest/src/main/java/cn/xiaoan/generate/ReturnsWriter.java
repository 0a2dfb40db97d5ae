package cn.xiaoan.generate;

import cn.xiaoan.domain.InspectionType;
import cn.xiaoan.domain.School;
import cn.xiaoan.domain.SchoolType;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Writes the returns other than the ledger: the school register, the inspection log, the security facility surveys
 * and the drill records. Each is produced month by month (or survey by survey) so memory stays bounded.
 */
final class ReturnsWriter {
    private static final long VISIT_SALT = 0x715170L;
    private static final long SURVEY_SALT = 0x5012E7L;
    private static final long DRILL_SALT = 0xD2111L;
    private static final InspectionType[] TYPES = InspectionType.values();

    /** Share of schools meeting each of the six 100% indicators at the first and at the last survey. */
    private static final double[] SURVEY_START = {0.86, 0.72, 0.62, 0.48, 0.66, 0.38};

    private static final double[] SURVEY_END = {0.995, 0.97, 0.985, 0.95, 0.975, 0.93};

    private final HazardModel model;
    private final SchoolPanel panel;
    private final long seed;
    private final String[] typeNamesZh;
    private final Rng rng = new Rng();

    ReturnsWriter(HazardModel model, long seed, String[] inspectionTypeNames) {
        this.model = model;
        this.panel = model.panel();
        this.seed = seed;
        this.typeNamesZh = inspectionTypeNames.clone();
    }

    long writeSchools(RowSink sink, GeneratorProgress progress) throws IOException {
        var counter = new ProgressCounter(progress, "schools", panel.size());
        for (int s = 0; s < panel.size(); s++) {
            School school = panel.schools[s];
            sink.text(school.code());
            sink.text(school.name());
            sink.text(school.districtCode());
            sink.coded(panel.typeNames[s], school.type().code());
            sink.flag(school.boarding());
            sink.number(school.students());
            sink.endRow();
            counter.advance();
        }
        counter.finish();
        return panel.size();
    }

    /**
     * One row per visit: every visit that found a hazard (several hazards of one visit share its row) and the routine
     * visits that found nothing (monthly self-inspections, supervision rounds, occasional other checks).
     */
    long writeInspections(RowSink sink, GeneratorProgress progress) throws IOException {
        int months = DemoCalendar.monthCount();
        var counter = new ProgressCounter(progress, "inspections", months);
        var hazard = new Hazard();
        long[] keys = new long[1024];
        long rows = 0;
        for (int m = 0; m < months; m++) {
            int first = DemoCalendar.firstDayOfMonth(m);
            int last = m + 1 < months ? DemoCalendar.firstDayOfMonth(m + 1) - 1 : DemoCalendar.FOUND_DAYS - 1;
            int count = 0;
            int month = DemoCalendar.month(first);
            for (int s = 0; s < panel.size(); s++) {
                rng.reset(seed, VISIT_SALT, (long) s * 1024 + m);
                double selfShare = panel.diligence[s] * (month == 7 || month == 8 ? 0.3 : month <= 2 ? 0.6 : 1.0);
                double supervisionShare = month == 3 || month == 9 || month == 11 ? 0.35 : 0.08;
                if (rng.chance(selfShare)) {
                    keys = grow(keys, count);
                    keys[count++] = visitKey(weekday(first, last), s, InspectionType.SELF, 1 + rng.nextInt(3));
                }
                if (rng.chance(supervisionShare)) {
                    keys = grow(keys, count);
                    keys[count++] =
                            visitKey(weekday(first, last), s, InspectionType.SUPERVISION, panel.supervisionGroup[s]);
                }
                if (rng.chance(0.04)) {
                    InspectionType type = TYPES[2 + rng.nextInt(TYPES.length - 2)];
                    int inspector = model.inspector(s, type, rng.nextDouble());
                    keys = grow(keys, count);
                    keys[count++] = visitKey(weekday(first, last), s, type, inspector);
                }
            }
            long from = model.firstIndexAfter(first - 1);
            long to = model.firstIndexAfter(last);
            for (long i = from; i < to; i++) {
                model.visit(i, hazard);
                keys = grow(keys, count);
                keys[count++] = visitKey(hazard.foundDay, hazard.school, hazard.inspectionType, hazard.inspector);
            }
            Arrays.sort(keys, 0, count);
            long previous = -1;
            for (int k = 0; k < count; k++) {
                long key = keys[k];
                if (key == previous) {
                    continue;
                }
                previous = key;
                int day = (int) (key >>> 44);
                int s = (int) ((key >>> 20) & 0xFFFFFF);
                InspectionType type = TYPES[(int) ((key >>> 16) & 0xF)];
                int inspector = (int) (key & 0xFFFF);
                sink.text(panel.schools[s].code());
                sink.date(day);
                sink.coded(typeNamesZh[type.ordinal()], type.code());
                sink.text(model.inspectorName(s, type, inspector));
                sink.endRow();
                rows++;
            }
            counter.advance();
        }
        counter.finish();
        return rows;
    }

    /** One row per school and survey date (each March and September); the six indicators only ever improve. */
    long writeSurveys(RowSink sink, GeneratorProgress progress) throws IOException {
        var dates = new java.util.ArrayList<Integer>();
        for (int year = 2023; year <= DemoCalendar.year(DemoCalendar.FOUND_DAYS - 1); year++) {
            for (int month : new int[] {3, 9}) {
                int day = DemoCalendar.day(LocalDate.of(year, month, 15));
                if (day < DemoCalendar.FOUND_DAYS) {
                    dates.add(day);
                }
            }
        }
        var counter = new ProgressCounter(progress, "surveys", (long) dates.size() * panel.size());
        double[] thresholds = new double[SURVEY_START.length];
        long rows = 0;
        for (int k = 0; k < dates.size(); k++) {
            double t = dates.size() == 1 ? 1.0 : (double) k / (dates.size() - 1);
            for (int s = 0; s < panel.size(); s++) {
                // The same draws at every survey date, against a rising threshold: a yes stays a yes.
                rng.reset(seed, SURVEY_SALT, s);
                double lag = 1.0 + (1.0 - panel.diligence[s]) * 0.6;
                for (int indicator = 0; indicator < thresholds.length; indicator++) {
                    double share = SURVEY_START[indicator] + (SURVEY_END[indicator] - SURVEY_START[indicator]) * t;
                    if (panel.schools[s].type() == SchoolType.TRAINING) {
                        share *= 0.85;
                    }
                    thresholds[indicator] = share;
                }
                sink.text(panel.schools[s].code());
                sink.date(dates.get(k));
                for (double threshold : thresholds) {
                    sink.flag(rng.nextDouble() * lag < threshold);
                }
                sink.endRow();
                rows++;
                counter.advance();
            }
        }
        counter.finish();
        return rows;
    }

    /**
     * Drills in the teaching months (Mar–Jun, Sep–Dec): monthly for schools, quarterly for kindergartens, each school
     * keeping to it with its own diligence.
     */
    long writeDrills(RowSink sink, GeneratorProgress progress) throws IOException {
        int months = DemoCalendar.monthCount();
        var counter = new ProgressCounter(progress, "drills", months);
        long[] keys = new long[1024];
        long rows = 0;
        for (int m = 0; m < months; m++) {
            int first = DemoCalendar.firstDayOfMonth(m);
            int last = m + 1 < months ? DemoCalendar.firstDayOfMonth(m + 1) - 1 : DemoCalendar.FOUND_DAYS - 1;
            int month = DemoCalendar.month(first);
            boolean teaching = month >= 3 && month <= 6 || month >= 9;
            int count = 0;
            for (int s = 0; s < panel.size() && teaching; s++) {
                rng.reset(seed, DRILL_SALT, (long) s * 1024 + m);
                boolean due;
                if (panel.schools[s].type() == SchoolType.KINDERGARTEN) {
                    // One drill a quarter: March, one of April to June, September, one of October to December.
                    due = month == 3 || month == 9 || month == 4 + s % 3 || month == 10 + s % 3;
                } else {
                    due = true;
                }
                if (due && rng.chance(panel.diligence[s])) {
                    keys = grow(keys, count);
                    keys[count++] = drillKey(weekday(first, last), s, drillType(month));
                    if (rng.chance(0.06)) {
                        keys = grow(keys, count);
                        keys[count++] = drillKey(weekday(first, last), s, drillType(month));
                    }
                }
            }
            Arrays.sort(keys, 0, count);
            long previous = -1;
            for (int k = 0; k < count; k++) {
                long key = keys[k];
                if (key == previous) {
                    continue;
                }
                previous = key;
                int s = (int) ((key >>> 8) & 0xFFFFFF);
                sink.text(panel.schools[s].code());
                sink.date((int) (key >>> 32));
                sink.text(HazardTexts.DRILL_TYPES[(int) (key & 0xFF)]);
                sink.endRow();
                rows++;
            }
            counter.advance();
        }
        counter.finish();
        return rows;
    }

    private int drillType(int month) {
        double u = rng.nextDouble();
        if ((month == 5 || month == 6) && u < 0.45) {
            return 3; // 防溺水 before the summer
        }
        if (month == 11 && u < 0.6) {
            return 0; // 消防疏散 around 11·9 fire day
        }
        double[] weights = {0.42, 0.2, 0.14, 0.06, 0.07, 0.04, 0.04, 0.03};
        return HazardModel.pick(weights, rng.nextDouble());
    }

    /** A random working day in [first, last]. */
    private int weekday(int first, int last) {
        int day = first + rng.nextInt(last - first + 1);
        for (int tries = 0; DemoCalendar.weekend(day) && tries < 3; tries++) {
            day = first + rng.nextInt(last - first + 1);
        }
        return day;
    }

    private static long visitKey(int day, int school, InspectionType type, int inspector) {
        return ((long) day << 44) | ((long) school << 20) | ((long) type.ordinal() << 16) | inspector;
    }

    private static long drillKey(int day, int school, int type) {
        return ((long) day << 32) | ((long) school << 8) | type;
    }

    private static long[] grow(long[] keys, int count) {
        return count < keys.length ? keys : Arrays.copyOf(keys, keys.length * 2);
    }
}
