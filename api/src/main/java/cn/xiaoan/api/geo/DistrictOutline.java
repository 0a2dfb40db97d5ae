package cn.xiaoan.api.geo;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One district's (县区) outline: its code and names from the reference data, and its rings (outer boundaries and
 * holes of every polygon; filled even-odd, so a hole stays empty).
 */
public record DistrictOutline(String code, String nameZh, String nameEn, List<List<LonLat>> rings) {
    public DistrictOutline {
        requireNonNull(code, "code");
        requireNonNull(nameZh, "nameZh");
        requireNonNull(nameEn, "nameEn");
        rings = rings.stream().map(List::copyOf).toList();
        if (rings.isEmpty() || rings.stream().anyMatch(ring -> ring.size() < 3)) {
            throw new IllegalArgumentException(
                    "Cannot use the outline of district " + code + ": a ring has fewer than" + " three points");
        }
    }

    /** The ring enclosing the largest area: the main outer boundary, where a label goes. */
    public List<LonLat> largestRing() {
        return rings.stream()
                .max((a, b) -> Double.compare(Math.abs(signedArea(a)), Math.abs(signedArea(b))))
                .orElseThrow();
    }

    /** Where the district's name is written: the centroid of its largest ring. */
    public LonLat labelPoint() {
        return centroid(largestRing());
    }

    /** The area-weighted centroid of a ring. */
    static LonLat centroid(List<LonLat> ring) {
        double area = signedArea(ring);
        if (Math.abs(area) < 1e-12) {
            return ring.get(0);
        }
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < ring.size(); i++) {
            LonLat a = ring.get(i);
            LonLat b = ring.get((i + 1) % ring.size());
            double cross = a.lon() * b.lat() - b.lon() * a.lat();
            cx += (a.lon() + b.lon()) * cross;
            cy += (a.lat() + b.lat()) * cross;
        }
        return new LonLat(cx / (6 * area), cy / (6 * area));
    }

    /** Shoelace area in square degrees (sign by orientation); only compared, never shown. */
    static double signedArea(List<LonLat> ring) {
        double twice = 0;
        for (int i = 0; i < ring.size(); i++) {
            LonLat a = ring.get(i);
            LonLat b = ring.get((i + 1) % ring.size());
            twice += a.lon() * b.lat() - b.lon() * a.lat();
        }
        return twice / 2;
    }
}
