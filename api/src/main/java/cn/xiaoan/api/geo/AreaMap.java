package cn.xiaoan.api.geo;

import cn.xiaoan.domain.District;
import cn.xiaoan.domain.Districts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The outlines of the installation's districts (一张图), read from a GeoJSON FeatureCollection whose features are keyed
 * by the 6-digit district code ({@code id} or {@code properties.code}). The shipped file is
 * {@code data/reference/geo/area.geojson} (see the README there for its source and how to replace it); every district
 * of the reference data must have an outline and every outline must be a known district, so a map never silently
 * lacks a county.
 */
public final class AreaMap {
    /** Where the build puts {@code data/reference/geo/area.geojson} on the classpath. */
    public static final String SHIPPED = "/reference/geo/area.geojson";

    private final List<DistrictOutline> outlines;
    private final Map<String, JsonNode> geometries;

    private AreaMap(List<DistrictOutline> outlines, Map<String, JsonNode> geometries) {
        this.outlines = List.copyOf(outlines);
        this.geometries = geometries;
    }

    /** The map packaged with the application. */
    public static AreaMap shipped(Districts districts) {
        try (InputStream in = AreaMap.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("The area map " + SHIPPED + " is not on the classpath: rebuild with"
                        + " data/reference/geo/area.geojson in place / 缺少县区地图文件");
            }
            return read(in, SHIPPED, districts);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the area map " + SHIPPED, e);
        }
    }

    /** Reads and checks a FeatureCollection; {@code source} names it in error messages. */
    public static AreaMap read(InputStream in, String source, Districts districts) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw invalid(source, "it is not a GeoJSON FeatureCollection");
        }
        var outlines = new ArrayList<DistrictOutline>();
        var geometries = new LinkedHashMap<String, JsonNode>();
        int index = 0;
        for (JsonNode feature : root.path("features")) {
            int position = ++index;
            String code = codeOf(feature);
            if (code.isEmpty()) {
                throw invalid(source, "feature " + position + " has no district code (id or properties.code)");
            }
            District district = districts
                    .byCode(code)
                    .orElseThrow(() -> invalid(
                            source, "feature " + position + " is district " + code + ", which districts.csv lacks"));
            if (geometries.containsKey(code)) {
                throw invalid(source, "district " + code + " has two features");
            }
            JsonNode geometry = feature.path("geometry");
            outlines.add(
                    new DistrictOutline(code, district.nameZh(), district.nameEn(), rings(geometry, source, code)));
            geometries.put(code, geometry);
        }
        List<String> missing = districts.all().stream()
                .filter(district -> !geometries.containsKey(district.code()))
                .map(district -> district.code() + " " + district.nameZh())
                .toList();
        if (!missing.isEmpty()) {
            throw invalid(source, "no outline for " + String.join(", ", missing));
        }
        return new AreaMap(outlines, geometries);
    }

    public List<DistrictOutline> outlines() {
        return outlines;
    }

    /** The map of only the districts the predicate keeps (a district user's own county). */
    public AreaMap restrictedTo(Predicate<String> visible) {
        var kept = new LinkedHashMap<String, JsonNode>();
        geometries.forEach((code, geometry) -> {
            if (visible.test(code)) {
                kept.put(code, geometry);
            }
        });
        return new AreaMap(outlines.stream().filter(o -> visible.test(o.code())).toList(), kept);
    }

    public Optional<DistrictOutline> outline(String code) {
        return outlines.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    /**
     * The visible districts as a GeoJSON FeatureCollection for the browser: {@code id} and {@code properties.code}
     * the district code, {@code properties.name} / {@code nameEn} the reference names.
     */
    public ObjectNode featureCollection(Predicate<String> visible, ObjectMapper json) {
        ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (DistrictOutline outline : outlines) {
            if (!visible.test(outline.code())) {
                continue;
            }
            ObjectNode feature = features.addObject().put("type", "Feature").put("id", outline.code());
            feature.putObject("properties")
                    .put("code", outline.code())
                    .put("name", outline.nameZh())
                    .put("nameEn", outline.nameEn());
            feature.set("geometry", geometries.get(outline.code()));
        }
        return collection;
    }

    private static String codeOf(JsonNode feature) {
        JsonNode id = feature.path("id");
        if (id.isTextual() || id.isIntegralNumber()) {
            return id.asText().strip();
        }
        return feature.path("properties").path("code").asText("").strip();
    }

    private static List<List<LonLat>> rings(JsonNode geometry, String source, String code) {
        var rings = new ArrayList<List<LonLat>>();
        switch (geometry.path("type").asText()) {
            case "Polygon" -> geometry.path("coordinates").forEach(ring -> rings.add(ring(ring, source, code)));
            case "MultiPolygon" ->
                geometry.path("coordinates")
                        .forEach(polygon -> polygon.forEach(ring -> rings.add(ring(ring, source, code))));
            default ->
                throw invalid(
                        source,
                        "district " + code + " has geometry \""
                                + geometry.path("type").asText() + "\": use Polygon or MultiPolygon");
        }
        if (rings.isEmpty()) {
            throw invalid(source, "district " + code + " has no coordinates");
        }
        return rings;
    }

    private static List<LonLat> ring(JsonNode ring, String source, String code) {
        var points = new ArrayList<LonLat>();
        for (JsonNode point : ring) {
            if (point.size() < 2 || !point.get(0).isNumber() || !point.get(1).isNumber()) {
                throw invalid(source, "district " + code + " has a point that is not [longitude, latitude]: " + point);
            }
            try {
                points.add(new LonLat(point.get(0).asDouble(), point.get(1).asDouble()));
            } catch (IllegalArgumentException e) {
                throw invalid(source, "district " + code + ": " + e.getMessage());
            }
        }
        if (points.size() < 3) {
            throw invalid(source, "district " + code + " has a ring of fewer than three points");
        }
        return points;
    }

    private static IllegalStateException invalid(String source, String why) {
        return new IllegalStateException("Cannot use the area map " + source + ": " + why + " / 县区地图文件有误");
    }
}
