package cn.xiaoan.api.geo;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * What a choropleth shows: a title, a note under it (what, when, which model), one value per district code (absent or
 * null: cannot be computed, drawn grey) and how a value reads ({@code 87.5%}, {@code 1,234}). Values come computed from
 * the figures; the painter only maps them to shades.
 */
public record ChoroplethShading(
        String title, String note, Map<String, Double> values, DoubleFunction<String> format, String noValue) {
    public ChoroplethShading {
        requireNonNull(title, "title");
        requireNonNull(note, "note");
        requireNonNull(format, "format");
        requireNonNull(noValue, "noValue");
        // Map.copyOf refuses null values, which mean "cannot be computed" here
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
