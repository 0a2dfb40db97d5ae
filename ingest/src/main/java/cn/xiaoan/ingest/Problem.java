package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with one row: its reason code, the file's column header, the offending value and the reason in both
 * languages.
 */
record Problem(RejectReason reason, String column, String value, String reasonZh, String reasonEn) {
    Problem {
        requireNonNull(reason, "reason");
        requireNonNull(column, "column");
        requireNonNull(value, "value");
        requireNonNull(reasonZh, "reasonZh");
        requireNonNull(reasonEn, "reasonEn");
    }
}
