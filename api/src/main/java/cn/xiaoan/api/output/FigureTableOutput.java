package cn.xiaoan.api.output;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.FigureUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one wire form of a figure table, shared by {@code xiaoan figures} and {@code GET /api/v1/figures}: per row the
 * breakdown codes under the dimension codes, then every figure under its code (docs/FIGURES.md), null where
 * undefined; counts as integers, rates as fractions.
 */
public final class FigureTableOutput {
    private FigureTableOutput() {}

    /** The JSON document: what made the table (period, as-of date, filters, model version, source) and its rows. */
    public static Map<String, Object> json(FigureTable table) {
        return json(table, List.of(Figure.values()));
    }

    /** The JSON document with only these figures (those a request asked for), in registry order. */
    public static Map<String, Object> json(FigureTable table, List<Figure> shown) {
        var document = new LinkedHashMap<String, Object>();
        // ordered maps throughout: Map.of iterates in a per-JVM order, so scripts would see keys move between runs
        document.put(
                "period",
                ordered(
                        "from",
                        table.period().from().toString(),
                        "to",
                        table.period().to().toString()));
        document.put("asOf", table.asOf().toString());
        document.put("by", table.by().stream().map(Dimension::code).toList());
        var filters = new LinkedHashMap<String, List<String>>();
        for (Dimension dimension : Dimension.values()) {
            Collection<String> codes = table.filters().get(dimension);
            if (codes != null) {
                filters.put(dimension.code(), codes.stream().sorted().toList());
            }
        }
        document.put("filters", filters);
        document.put(
                "modelVersion",
                ordered(
                        "version", table.modelVersion().version(),
                        "batchIds", table.modelVersion().batchIds(),
                        "builtAt", table.modelVersion().builtAt().toString()));
        table.modelVersion().knowledge().knownAt().ifPresent(at -> modelVersion(document)
                .put("knownAt", at.toString()));
        table.modelVersion().knowledge().reportedBy().ifPresent(date -> modelVersion(document)
                .put("reportedBy", date.toString()));
        document.put("source", table.source().name().toLowerCase(Locale.ROOT));
        var figures = new ArrayList<Map<String, Object>>();
        for (Figure figure : shown) {
            figures.add(ordered(
                    "code", figure.code(),
                    "nameZh", figure.nameZh(),
                    "nameEn", figure.nameEn(),
                    "unit", figure.unit().name().toLowerCase(Locale.ROOT)));
        }
        document.put("figures", figures);
        document.put(
                "rows",
                table.rows().stream().map(row -> row(table.by(), row, shown)).toList());
        return document;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> modelVersion(Map<String, Object> document) {
        return (Map<String, Object>) document.get("modelVersion");
    }

    /** A map that keeps its keys in the order given ({@code keysAndValues}: key, value, key, value …). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The rows as CSV (RFC 4180, UTF-8 without BOM): a header of dimension and figure codes, empty where null. */
    public static String csv(FigureTable table) {
        var out = new StringBuilder();
        var header = new ArrayList<String>();
        table.by().forEach(dimension -> header.add(dimension.code()));
        for (Figure figure : Figure.values()) {
            header.add(figure.code());
        }
        out.append(String.join(",", header)).append("\r\n");
        for (FigureRow row : table.rows()) {
            var cells = new ArrayList<String>();
            row.keys().forEach(key -> cells.add(csvText(key)));
            for (Figure figure : Figure.values()) {
                Object value = value(figure, row.value(figure));
                cells.add(value == null ? "" : value.toString());
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    /** One row's JSON: the breakdown codes under the dimension codes, then the given figures under their codes. */
    public static Map<String, Object> row(List<Dimension> by, FigureRow row, List<Figure> figures) {
        var values = new LinkedHashMap<String, Object>();
        for (int i = 0; i < by.size(); i++) {
            values.put(by.get(i).code(), row.keys().get(i));
        }
        for (Figure figure : figures) {
            values.put(figure.code(), value(figure, row.value(figure)));
        }
        return values;
    }

    /** A value on the wire: counts as integers, rates as fractions, null where undefined. */
    public static Object value(Figure figure, Double value) {
        if (value == null) {
            return null;
        }
        return figure.unit() == FigureUnit.COUNT ? (Object) value.longValue() : value;
    }

    /** A CSV cell (RFC 4180 quoting), empty for null. */
    public static String csvText(String text) {
        if (text == null) {
            return "";
        }
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
