package cn.xiaoan.generate;

import cn.xiaoan.domain.Category;
import cn.xiaoan.domain.InspectionType;
import java.time.LocalDate;

/**
 * Generates hazard {@code i} from (seed, i) alone. Found dates follow the index (hazard i is at quantile (i + ½) / M
 * of a seasonal day distribution), so a ledger lists hazards in date order and each period is a range of indices;
 * everything else is drawn from a random stream seeded by (seed, i).
 */
final class HazardModel {
    private static final long SALT = 0x4A2A8DL;
    private static final InspectionType[] TYPES = InspectionType.values();
    private static final double[] TYPE_WEIGHTS = {0.55, 0.23, 0.06, 0.05, 0.03, 0.04, 0.04};
    private static final double[] CAMPAIGN_TYPE_WEIGHTS = {0.45, 0.35, 0.06, 0.05, 0.03, 0.03, 0.03};
    private static final int[] GENERAL_DEADLINES = {7, 10, 15, 15, 20, 30, 30, 30, 30, 45, 60, 60, 90};
    private static final int[] MAJOR_DEADLINES = {7, 10, 15, 15, 20, 30, 30};
    /** When the simulated bureaus start clearing their backlog; the figures take the baseline from the campaign. */
    private static final int CLEAR_BACKLOG_FROM = DemoCalendar.day(LocalDate.of(2024, 1, 1));

    private static final int GUIDE_PUBLISHED = DemoCalendar.day(LocalDate.of(2024, 5, 1));

    private final SchoolPanel panel;
    private final long seed;
    private final long hazards;
    private final double[] cumulativeDays = new double[DemoCalendar.FOUND_DAYS];
    private final Rng rng = new Rng();

    HazardModel(SchoolPanel panel, long seed, long hazards) {
        this.panel = panel;
        this.seed = seed;
        this.hazards = hazards;
        double sum = 0;
        for (int d = 0; d < DemoCalendar.FOUND_DAYS; d++) {
            sum += dayWeight(d);
            cumulativeDays[d] = sum;
        }
    }

    long hazards() {
        return hazards;
    }

    SchoolPanel panel() {
        return panel;
    }

    /** Seasonal: peaks at the start of term (Mar, Sep) and the winter campaigns (Nov, Dec); quiet in holidays. */
    private static double dayWeight(int day) {
        double month =
                switch (DemoCalendar.month(day)) {
                    case 1 -> 0.55;
                    case 2 -> 0.4;
                    case 3 -> 1.6;
                    case 4 -> 1.05;
                    case 5 -> 1.0;
                    case 6 -> 1.1;
                    case 7 -> 0.45;
                    case 8 -> 0.6;
                    case 9 -> 1.6;
                    case 10 -> 0.95;
                    case 11 -> 1.5;
                    default -> 1.4;
                };
        double year =
                switch (DemoCalendar.year(day)) {
                    case 2023 -> 0.85;
                    case 2024 -> 1.15;
                    case 2025 -> 1.0;
                    default -> 0.95;
                };
        return month * year * (DemoCalendar.weekend(day) ? 0.2 : 1.0);
    }

    /** The found day of hazard {@code index}. */
    int foundDay(long index) {
        double target = (index + 0.5) / hazards * cumulativeDays[cumulativeDays.length - 1];
        int low = 0;
        int high = cumulativeDays.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulativeDays[mid] >= target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** The smallest index whose found day is after {@code day} ({@link #hazards()} when none is). */
    long firstIndexAfter(int day) {
        long low = 0;
        long high = hazards;
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (foundDay(mid) > day) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** Draws the visit that found the hazard: found day, school, inspection type and inspector. */
    void visit(long index, Hazard hazard) {
        rng.reset(seed, SALT, index);
        hazard.index = index;
        hazard.foundDay = foundDay(index);
        hazard.school = panel.pick(rng.nextDouble());
        int month = DemoCalendar.month(hazard.foundDay);
        double[] weights = month == 3 || month == 9 || month >= 11 ? CAMPAIGN_TYPE_WEIGHTS : TYPE_WEIGHTS;
        hazard.inspectionType = TYPES[pick(weights, rng.nextDouble())];
        hazard.inspector = inspector(hazard.school, hazard.inspectionType, rng.nextDouble());
    }

    /** Draws the dates and codes of a hazard: enough to know its status at any report date. */
    void skeleton(long index, Hazard hazard) {
        visit(index, hazard);
        int s = hazard.school;
        int found = hazard.foundDay;
        hazard.category = panel.category(s, rng.nextDouble());
        int year = DemoCalendar.year(found);
        double yearFactor = year == 2023 ? 1.3 : year == 2024 ? 1.1 : year == 2025 ? 0.85 : 0.7;
        hazard.major = rng.chance(majorShare(hazard.category) * yearFactor);
        int[] deadlines = hazard.major ? MAJOR_DEADLINES : GENERAL_DEADLINES;
        int allowed = deadlines[rng.nextInt(deadlines.length)];
        hazard.deadline = found + allowed;

        double stuckShare = 0.065 * panel.stuck[s] * (hazard.major ? 0.6 : 1.0);
        double u = rng.nextDouble();
        double z = rng.nextNormal();
        double v = rng.nextDouble();
        double w = rng.nextDouble();
        if (u < stuckShare) {
            // Never rectified; older ones were partly cleared by the 2024 campaign against the legacy stock.
            if (found < CLEAR_BACKLOG_FROM && v < 0.75 / panel.stuck[s]) {
                hazard.progressDay = CLEAR_BACKLOG_FROM + (int) (w * 60);
                hazard.rectifiedDay = CLEAR_BACKLOG_FROM + 30 + (int) (v * 300);
                hazard.closedDay = hazard.rectifiedDay + 1 + (int) (w * 20);
            } else {
                hazard.progressDay = v < 0.5 ? found + 3 + (int) (w * 60) : DemoCalendar.NEVER;
                hazard.rectifiedDay = DemoCalendar.NEVER;
                hazard.closedDay = DemoCalendar.NEVER;
            }
        } else {
            // Most finish before the deadline; a share runs late, capped at a few times the allowed period.
            double ratio = Math.min(3.0, panel.slowness[s] * Math.exp(-0.4 + 0.45 * z) * (hazard.major ? 0.8 : 1.0));
            int duration = (int) Math.round(allowed * ratio);
            hazard.rectifiedDay = found + duration;
            hazard.progressDay = duration >= 4 ? found + 1 + (int) (v * (duration / 2)) : DemoCalendar.NEVER;
            hazard.closedDay = w < 0.85 ? hazard.rectifiedDay + 1 + (int) (w / 0.85 * 30) : DemoCalendar.NEVER;
        }
    }

    /** Draws the texts: description and measures, location, responsible person, temporary measures, basis. */
    void texts(Hazard hazard) {
        HazardTexts.Pool pool = HazardTexts.pool(hazard.category);
        HazardTexts.Item[] items = hazard.major ? pool.major() : pool.general();
        hazard.item = items[rng.nextInt(items.length)];
        hazard.location = pool.locations()[rng.nextInt(pool.locations().length)];
        hazard.responsible = rng.nextInt(panel.staff[hazard.school].length);
        double t = rng.nextDouble();
        hazard.temporaryMeasures = hazard.major || t < 0.25
                ? HazardTexts.TEMPORARY_MEASURES[rng.nextInt(HazardTexts.TEMPORARY_MEASURES.length)]
                : null;
        hazard.basis = hazard.major && hazard.foundDay >= GUIDE_PUBLISHED && rng.chance(0.6)
                ? HazardTexts.BASES[rng.nextInt(HazardTexts.BASES.length)]
                : null;
    }

    /** Fully generates hazard {@code index}. */
    void generate(long index, Hazard hazard) {
        skeleton(index, hazard);
        texts(hazard);
    }

    /** The inspector pool index of a visit; the name is {@link #inspectorName}. */
    int inspector(int school, InspectionType type, double uniform) {
        return switch (type) {
            case SELF -> 1 + (int) (uniform * 3);
            case SUPERVISION -> panel.supervisionGroup[school];
            case CROSS -> (int) (uniform * HazardTexts.CROSS_GROUPS.length);
            case JOINT -> (int) (uniform * HazardTexts.JOINT_GROUPS.length);
            case THIRD_PARTY -> (int) (uniform * HazardTexts.THIRD_PARTIES.length);
            case POLICE -> (int) (uniform * HazardTexts.POLICE.length);
            case UNANNOUNCED -> (int) (uniform * HazardTexts.UNANNOUNCED.length);
        };
    }

    String inspectorName(int school, InspectionType type, int inspector) {
        return switch (type) {
            case SELF -> panel.staff[school][inspector];
            case SUPERVISION -> HazardTexts.SUPERVISION_GROUPS[inspector];
            case CROSS -> HazardTexts.CROSS_GROUPS[inspector];
            case JOINT -> HazardTexts.JOINT_GROUPS[inspector];
            case THIRD_PARTY -> HazardTexts.THIRD_PARTIES[inspector];
            case POLICE -> HazardTexts.POLICE[inspector];
            case UNANNOUNCED -> HazardTexts.UNANNOUNCED[inspector];
        };
    }

    private static double majorShare(Category category) {
        return switch (category) {
            case FIRE -> 0.095;
            case ELECTRIC_GAS -> 0.07;
            case BUILDING -> 0.1;
            case CONSTRUCTION -> 0.09;
            case LAB_CHEM -> 0.07;
            case EQUIPMENT -> 0.05;
            case TRAFFIC -> 0.055;
            case FOOD_WATER -> 0.035;
            case SECURITY -> 0.03;
            case BULLYING_MENTAL, EDUCATION_DRILL, MANAGEMENT, DISEASE -> 0.012;
            case ACTIVITY, NATURAL_DISASTER -> 0.03;
        };
    }

    static int pick(double[] weights, double uniform) {
        double target = uniform;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
