package cn.xiaoan.api.export;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Any table the API answers with, ready to be written as a file: columns, rows (nulls allowed) and a title. */
public record ExportTable(String title, List<ExportColumn> columns, List<List<Object>> rows) {
    public ExportTable {
        requireNonNull(title, "title");
        columns = List.copyOf(columns);
        var copied = new ArrayList<List<Object>>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("Cannot export " + title + ": a row has " + row.size()
                        + " values for " + columns.size() + " columns");
            }
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
    }
}
