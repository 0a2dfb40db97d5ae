package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A request to move a school to another district.
 *
 * @param toDistrict the new district, by code or Chinese name
 * @param effectiveFrom the first day hazards count for the new district; empty: today
 * @param movedBy who asks (recorded)
 */
public record SchoolMoveRequest(
        String schoolCode, String toDistrict, String reason, Optional<LocalDate> effectiveFrom, String movedBy) {
    public SchoolMoveRequest {
        requireNonNull(schoolCode, "schoolCode");
        requireNonNull(toDistrict, "toDistrict");
        requireNonNull(reason, "reason");
        requireNonNull(effectiveFrom, "effectiveFrom");
        requireNonNull(movedBy, "movedBy");
        schoolCode = schoolCode.strip();
        toDistrict = toDistrict.strip();
        reason = reason.strip();
    }
}
