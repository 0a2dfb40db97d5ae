package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.sql.QueryResult;
import cn.xiaoan.analytics.sql.ResultColumn;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How {@code xiaoan sql} prints a result: an aligned text table, RFC 4180 CSV with a header, or one JSON document. */
enum ResultFormat {
    TABLE,
    CSV,
    JSON;

    static ResultFormat parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("未知的输出格式 \"" + name + "\"（可选 table、csv、json） / unknown format \"" + name
                    + "\": use table, csv or json");
        }
    }

    void print(QueryResult result, PrintWriter out, ObjectMapper json) {
        switch (this) {
            case TABLE -> printTable(result, out);
            case CSV -> printCsv(result, out);
            case JSON -> printJson(result, out, json);
        }
        out.flush();
    }

    private static void printTable(QueryResult result, PrintWriter out) {
        List<ResultColumn> columns = result.columns();
        var cells = new ArrayList<List<String>>();
        cells.add(columns.stream().map(ResultColumn::name).toList());
        for (List<Object> row : result.rows()) {
            cells.add(row.stream()
                    .map(value -> value == null ? "NULL" : text(value))
                    .toList());
        }
        int[] widths = new int[columns.size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], displayWidth(row.get(i)));
            }
        }
        printTableRow(out, cells.get(0), widths);
        out.println(Arrays.stream(widths).mapToObj("-"::repeat).collect(Collectors.joining("-+-")));
        cells.stream().skip(1).forEach(row -> printTableRow(out, row, widths));
        out.printf(
                "(%d 行%s，模型版本 %d，%d ms / %d rows%s, model version %d, %d ms)%n",
                result.rows().size(),
                result.truncated() ? "，已截断" : "",
                result.modelVersion(),
                result.elapsedMillis(),
                result.rows().size(),
                result.truncated() ? ", truncated: " + result.truncation().messageEn() : "",
                result.modelVersion(),
                result.elapsedMillis());
    }

    private static void printTableRow(PrintWriter out, List<String> row, int[] widths) {
        var line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                line.append(" | ");
            }
            String cell = row.get(i);
            line.append(cell).append(" ".repeat(widths[i] - displayWidth(cell)));
        }
        out.println(line.toString().stripTrailing());
    }

    /** Terminal columns: Han characters and full-width forms take two. */
    static int displayWidth(String text) {
        return text.codePoints().map(codePoint -> isWide(codePoint) ? 2 : 1).sum();
    }

    private static boolean isWide(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || (codePoint >= 0x3000 && codePoint <= 0x303F)
                || (codePoint >= 0xFF00 && codePoint <= 0xFF60);
    }

    private static void printCsv(QueryResult result, PrintWriter out) {
        out.print(
                result.columns().stream().map(column -> csvField(column.name())).collect(Collectors.joining(","))
                        + "\r\n");
        for (List<Object> row : result.rows()) {
            out.print(row.stream()
                            .map(value -> value == null ? "" : csvField(text(value)))
                            .collect(Collectors.joining(","))
                    + "\r\n");
        }
    }

    private static String csvField(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static void printJson(QueryResult result, PrintWriter out, ObjectMapper json) {
        try {
            out.println(json.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the result as JSON: " + e.getMessage(), e);
        }
    }

    private static String text(Object value) {
        return value.toString();
    }
}
