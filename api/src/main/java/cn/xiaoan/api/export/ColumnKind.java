package cn.xiaoan.api.export;

/** How a column's values are written: as text, a whole number, a decimal, a fraction shown as percent, or a date. */
public enum ColumnKind {
    TEXT,
    INTEGER,
    DECIMAL,
    PERCENT,
    DATE
}
