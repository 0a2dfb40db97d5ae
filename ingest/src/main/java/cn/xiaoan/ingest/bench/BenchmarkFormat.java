package cn.xiaoan.ingest.bench;

import java.util.Locale;

/** The ledger file format an ingest benchmark reads. */
public enum BenchmarkFormat {
    CSV,
    XLSX;

    /** {@code csv} or {@code xlsx}, in any case. */
    public static BenchmarkFormat parse(String text) {
        for (BenchmarkFormat format : values()) {
            if (format.name().equalsIgnoreCase(text)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Cannot benchmark ingest of format \"" + text + "\": expected csv or xlsx");
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
