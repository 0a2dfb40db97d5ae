package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Whose a school is: the district of its first registration, the district that owns it now and the moves between.
 *
 * @param name the latest registered name
 */
public record SchoolOwnership(
        String schoolCode, String name, String firstDistrict, String currentDistrict, List<SchoolMove> moves) {
    public SchoolOwnership {
        requireNonNull(schoolCode, "schoolCode");
        requireNonNull(name, "name");
        requireNonNull(firstDistrict, "firstDistrict");
        requireNonNull(currentDistrict, "currentDistrict");
        moves = List.copyOf(moves);
    }
}
