package cn.xiaoan.api.geo;

/** A point of an outline in degrees (GeoJSON order: longitude, then latitude). */
public record LonLat(double lon, double lat) {
    public LonLat {
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("Cannot use point [" + lon + ", " + lat + "]: not longitude, latitude");
        }
    }
}
