package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of a batch's reject report: where the bad value was, what it was, why it was refused ({@code reason}, also
 * as a code) and what to change ({@link #fixZh}, {@link #fixEn}).
 */
public record RejectedRow(
        String file,
        String sheet,
        long row,
        String column,
        String value,
        String reasonZh,
        String reasonEn,
        RejectReason reason) {
    public RejectedRow {
        requireNonNull(file, "file");
        requireNonNull(sheet, "sheet");
        requireNonNull(column, "column");
        requireNonNull(value, "value");
        requireNonNull(reasonZh, "reasonZh");
        requireNonNull(reasonEn, "reasonEn");
        requireNonNull(reason, "reason");
    }

    /** What the clerk changes in the file, e.g. 改为 是 或 否. */
    @JsonProperty("fixZh")
    public String fixZh() {
        return reason.fixZh();
    }

    @JsonProperty("fixEn")
    public String fixEn() {
        return reason.fixEn();
    }
}
