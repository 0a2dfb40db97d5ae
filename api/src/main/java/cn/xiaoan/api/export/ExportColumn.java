package cn.xiaoan.api.export;

import static java.util.Objects.requireNonNull;

/** A column of an exported table: its machine code, the heading people read (Chinese first), and its kind. */
public record ExportColumn(String code, String heading, ColumnKind kind) {
    public ExportColumn {
        requireNonNull(code, "code");
        requireNonNull(heading, "heading");
        requireNonNull(kind, "kind");
    }
}
