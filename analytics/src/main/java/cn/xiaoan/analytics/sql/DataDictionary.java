package cn.xiaoan.analytics.sql;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docs/DATA_DICTIONARY.md}, packaged as {@code /dictionary/DATA_DICTIONARY.md}: every model table and column
 * with its type and Chinese and English description. The markdown is the one source; the export's COMMENTs and the
 * drift test read it through this parser. Format per table:
 *
 * <pre>
 * ## `table_name`
 * 中文说明（一行）
 * English description (one line)
 *
 * | column | type | 中文 | English |
 * | --- | --- | --- | --- |
 * | `column_name` | VARCHAR | 中文说明 | English description |
 * </pre>
 *
 * Headings without a backticked name (introductions, notes) are not tables.
 */
public record DataDictionary(List<Table> tables) {
    public static final String RESOURCE = "/dictionary/DATA_DICTIONARY.md";
    private static final Pattern TABLE_HEADING = Pattern.compile("^##\\s+`([a-z][a-z0-9_]*)`\\s*$");
    private static final Pattern COLUMN_ROW =
            Pattern.compile("^\\|\\s*`([a-z][a-z0-9_]*)`\\s*\\|([^|]+)\\|([^|]+)\\|([^|]+)\\|\\s*$");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    public DataDictionary {
        tables = List.copyOf(tables);
    }

    /** A documented table. */
    public record Table(String name, String descriptionZh, String descriptionEn, List<Column> columns) {
        public Table {
            requireNonNull(name, "name");
            requireNonNull(descriptionZh, "descriptionZh");
            requireNonNull(descriptionEn, "descriptionEn");
            columns = List.copyOf(columns);
        }

        public Optional<Column> column(String columnName) {
            return columns.stream()
                    .filter(column -> column.name().equals(columnName))
                    .findFirst();
        }

        /** The COMMENT text: Chinese, then English. */
        public String comment() {
            return descriptionZh + " / " + descriptionEn;
        }
    }

    /** A documented column; {@code type} is the DuckDB type as DESCRIBE reports it. */
    public record Column(String name, String type, String descriptionZh, String descriptionEn) {
        public Column {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            requireNonNull(descriptionZh, "descriptionZh");
            requireNonNull(descriptionEn, "descriptionEn");
        }

        public String comment() {
            return descriptionZh + " / " + descriptionEn;
        }
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** The dictionary packaged with analytics. */
    public static DataDictionary load() {
        try (InputStream in = DataDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Cannot load the data dictionary: " + RESOURCE
                        + " is not on the classpath (it is copied from docs/DATA_DICTIONARY.md at build time)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the data dictionary " + RESOURCE, e);
        }
    }

    /** Parses the markdown; a table without both descriptions or without columns is an error naming it. */
    public static DataDictionary parse(String markdown) {
        var tables = new ArrayList<Table>();
        String name = null;
        var descriptions = new ArrayList<String>();
        var columns = new ArrayList<Column>();
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i).strip() : "## end";
            if (line.startsWith("## ") || line.startsWith("# ")) {
                if (name != null) {
                    tables.add(table(name, descriptions, columns));
                }
                Matcher heading = TABLE_HEADING.matcher(line);
                name = heading.matches() ? heading.group(1) : null;
                descriptions.clear();
                columns.clear();
                continue;
            }
            if (name == null || line.isEmpty()) {
                continue;
            }
            if (line.startsWith("|")) {
                Matcher row = COLUMN_ROW.matcher(line);
                if (row.matches()) {
                    columns.add(new Column(
                            row.group(1),
                            row.group(2).strip(),
                            row.group(3).strip(),
                            row.group(4).strip()));
                } else if (!line.matches("\\|\\s*column\\s*\\|.*") && !line.matches("[|\\s:-]+")) {
                    throw new IllegalStateException("Cannot read the data dictionary: the row \"" + line
                            + "\" of table " + name + " is not | `column` | TYPE | 中文 | English |");
                }
            } else if (columns.isEmpty()) {
                descriptions.add(line);
            }
        }
        return new DataDictionary(tables);
    }

    private static Table table(String name, List<String> descriptions, List<Column> columns) {
        if (descriptions.size() != 2 || !HAN.matcher(descriptions.get(0)).find()) {
            throw new IllegalStateException("Cannot read the data dictionary: table " + name
                    + " needs one line of Chinese description, then one line of English, before its columns");
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("Cannot read the data dictionary: table " + name + " lists no columns");
        }
        for (Column column : columns) {
            if (!HAN.matcher(column.descriptionZh()).find()
                    || column.descriptionEn().isBlank()) {
                throw new IllegalStateException("Cannot read the data dictionary: column " + name + "." + column.name()
                        + " needs a Chinese and an English description");
            }
        }
        return new Table(name, descriptions.get(0), descriptions.get(1), columns);
    }
}
