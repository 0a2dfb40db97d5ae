package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

/** One line of a batch's reject report: where the bad value was, what it was and why it was refused. */
public record RejectedRow(
        String file, String sheet, long row, String column, String value, String reasonZh, String reasonEn) {
    public RejectedRow {
        requireNonNull(file, "file");
        requireNonNull(sheet, "sheet");
        requireNonNull(column, "column");
        requireNonNull(value, "value");
        requireNonNull(reasonZh, "reasonZh");
        requireNonNull(reasonEn, "reasonEn");
    }
}
