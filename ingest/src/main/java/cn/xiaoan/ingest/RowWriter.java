package cn.xiaoan.ingest;

/** Receives one accepted row's values, column by column in the converter's DDL order. */
interface RowWriter {
    /** A VARCHAR value; null for SQL NULL. */
    void text(String value);

    /** A VARCHAR value stored as typed: the trimmed text of the row's cell at {@code position}; -1 for SQL NULL. */
    void cell(Cells cells, int position);

    /** A DATE as epoch day; {@link RowCheck#ABSENT} or {@link RowCheck#INVALID} for SQL NULL. */
    void date(int epochDay);

    void bool(boolean value);

    /** A BOOLEAN from a {@link RowCheck#flag} result: 1 true, 0 false, anything else SQL NULL. */
    default void flag(int value) {
        if (value == 0 || value == 1) {
            bool(value == 1);
        } else {
            text(null);
        }
    }

    /** An INTEGER; negative values mean SQL NULL (counts are never negative). */
    void count(int value);
}
