package cn.xiaoan.generate;

import cn.xiaoan.domain.Category;
import cn.xiaoan.domain.HazardStatus;
import cn.xiaoan.domain.InspectionType;

/** One generated hazard, a mutable draft reused for every index so the hot loop allocates nothing. */
final class Hazard {
    long index;
    int foundDay;
    int school;
    InspectionType inspectionType;
    int inspector;
    Category category;
    boolean major;
    int deadline;
    /** Day work started (整改中), or {@link DemoCalendar#NEVER}. */
    int progressDay;

    int rectifiedDay;
    int closedDay;
    HazardTexts.Item item;
    String location;
    int responsible;
    String temporaryMeasures;
    String basis;

    /** The status a ledger submitted on {@code reportDay} shows. */
    HazardStatus statusAt(int reportDay) {
        if (closedDay <= reportDay) {
            return HazardStatus.CLOSED;
        } else if (rectifiedDay <= reportDay) {
            return HazardStatus.RECTIFIED;
        } else if (progressDay <= reportDay) {
            return HazardStatus.IN_PROGRESS;
        }
        return HazardStatus.OPEN;
    }
}
