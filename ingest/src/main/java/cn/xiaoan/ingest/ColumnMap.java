package cn.xiaoan.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each schema column sits in a file's rows, and which file columns are extra. Built once per file from the
 * header row; JSON files add keys as they first appear.
 */
final class ColumnMap {
    /** Bounds a row's extra columns, so a stored row stays well within what the Parquet writer reads back. */
    static final int MAX_EXTRA_JSON_CHARS = 512 * 1024;

    private final Schema schema;
    private final List<String> headers = new ArrayList<>();
    private final int[] positionOfColumn;
    private int[] fallbackOfColumn;
    private final List<Integer> extraPositions = new ArrayList<>();
    private final List<String> extraNames = new ArrayList<>();

    ColumnMap(Schema schema, List<String> headerRow) {
        this.schema = schema;
        this.positionOfColumn = new int[schema.size()];
        Arrays.fill(positionOfColumn, -1);
        for (String header : headerRow) {
            add(header);
        }
    }

    /** Adds the next file column; returns its position. */
    int add(String header) {
        return add(header, false);
    }

    /**
     * Adds a JSON key first seen after the header: when it names a column already mapped (one object keyed in
     * English, the next in Chinese), it becomes that column's fallback rather than an extra.
     */
    int addLate(String header) {
        return add(header, true);
    }

    private int add(String header, boolean late) {
        int position = headers.size();
        String name = Text.clean(header);
        headers.add(name == null ? "" : name);
        int column = schema.match(name);
        if (column >= 0 && positionOfColumn[column] < 0) {
            positionOfColumn[column] = position;
        } else if (column >= 0 && late) {
            if (fallbackOfColumn == null) {
                fallbackOfColumn = new int[positionOfColumn.length];
                Arrays.fill(fallbackOfColumn, -1);
            }
            fallbackOfColumn[column] = position;
        } else if (name != null) {
            extraPositions.add(position);
            extraNames.add(uniqueExtraName(name));
        }
        return position;
    }

    private String uniqueExtraName(String name) {
        if (!extraNames.contains(name)) {
            return name;
        }
        int suffix = 2;
        while (extraNames.contains(name + "_" + suffix)) {
            suffix++;
        }
        return name + "_" + suffix;
    }

    /** The position of a schema column in a row, or -1 when the file has no such column. */
    int position(int column) {
        return positionOfColumn[column];
    }

    /** A second position for the column (JSON keyed in both languages), or -1. */
    int fallback(int column) {
        return fallbackOfColumn == null ? -1 : fallbackOfColumn[column];
    }

    /** The header as written in the file for a schema column, or its Chinese name when absent. */
    String header(int column) {
        int position = positionOfColumn[column];
        return position < 0 ? schema.columns().get(column).nameZh() : headers.get(position);
    }

    int width() {
        return headers.size();
    }

    List<String> headers() {
        return List.copyOf(headers);
    }

    int matchedCount() {
        int count = 0;
        for (int position : positionOfColumn) {
            if (position >= 0) {
                count++;
            }
        }
        return count;
    }

    List<String> missingRequired() {
        boolean[] present = new boolean[positionOfColumn.length];
        for (int i = 0; i < present.length; i++) {
            present[i] = positionOfColumn[i] >= 0;
        }
        return schema.missingRequired(present);
    }

    /**
     * The extra columns of a row as a JSON object, {@code {}} when none has a value. The object stays under {@link
     * #MAX_EXTRA_JSON_CHARS}: columns past it are left out and counted in {@code "_omitted_columns"}, so a sheet with
     * hundreds of wide unknown columns still ingests (the row itself is kept).
     */
    String extraJson(Cells cells) {
        StringBuilder json = null;
        int omitted = 0;
        for (int i = 0; i < extraPositions.size(); i++) {
            int position = extraPositions.get(i);
            String value = Text.clean(cells.get(position));
            if (value == null) {
                continue;
            }
            if (json == null) {
                json = new StringBuilder(64).append('{');
            }
            int before = json.length();
            if (before > 1) {
                json.append(',');
            }
            Text.appendJsonString(json, extraNames.get(i));
            json.append(':');
            Text.appendJsonString(json, value);
            if (json.length() > MAX_EXTRA_JSON_CHARS) {
                json.setLength(before);
                omitted++;
            }
        }
        if (json == null) {
            return "{}";
        }
        if (omitted > 0) {
            json.append(json.length() > 1 ? "," : "")
                    .append("\"_omitted_columns\":")
                    .append(omitted);
        }
        return json.append('}').toString();
    }
}
