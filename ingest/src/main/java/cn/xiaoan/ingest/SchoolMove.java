package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One recorded move of a school between districts (an entry of {@code schools/moves.jsonl}): from {@code
 * effectiveFrom} on, hazards found at the school count for {@code toDistrict}; those found before stay with {@code
 * fromDistrict}.
 *
 * @param sequence 1, 2, 3 … in log order (the order moves are applied in)
 * @param movedBy who moved it (a user name, or {@code command-line})
 * @param movedAt when it was recorded
 */
public record SchoolMove(
        long sequence,
        String schoolCode,
        String schoolName,
        String fromDistrict,
        String toDistrict,
        LocalDate effectiveFrom,
        String reason,
        String movedBy,
        OffsetDateTime movedAt) {
    public SchoolMove {
        requireNonNull(schoolCode, "schoolCode");
        requireNonNull(schoolName, "schoolName");
        requireNonNull(fromDistrict, "fromDistrict");
        requireNonNull(toDistrict, "toDistrict");
        requireNonNull(effectiveFrom, "effectiveFrom");
        requireNonNull(reason, "reason");
        requireNonNull(movedBy, "movedBy");
        requireNonNull(movedAt, "movedAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("Cannot create school move: sequence " + sequence + " is not positive");
        }
        if (fromDistrict.equals(toDistrict)) {
            throw new IllegalArgumentException(
                    "Cannot create school move of " + schoolCode + ": from and to are both " + toDistrict);
        }
    }
}
