package cn.xiaoan.analytics.figure;

import java.util.Set;
import java.util.TreeSet;

/**
 * The districts a caller may see: the whole city, or some districts. Drill-down queries apply it in SQL whatever
 * their filters ask, so a district user never receives another district's rows.
 */
public record DistrictScope(Set<String> districts) {
    private static final DistrictScope CITY = new DistrictScope(Set.of());

    public DistrictScope {
        districts = Set.copyOf(districts);
    }

    public static DistrictScope city() {
        return CITY;
    }

    /** Some districts; at least one, or the scope would read as the whole city. */
    public static DistrictScope of(Set<String> districts) {
        if (districts.isEmpty()) {
            throw new IllegalArgumentException("A district scope names at least one district");
        }
        return new DistrictScope(districts);
    }

    public boolean isCity() {
        return districts.isEmpty();
    }

    public boolean allows(String district) {
        return isCity() || districts.contains(district);
    }

    /** The bound text parameter the drill-down SQL expects: ',CODE1,CODE2,' or '' for the whole city. */
    public String parameter() {
        return CodeList.of(new TreeSet<>(districts));
    }
}
