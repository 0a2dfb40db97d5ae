package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One column a dataset understands: its key (the English name, also the Parquet column unless the converter says
 * otherwise), its Chinese header and the other spellings accepted. A column with a {@code requiredGroup} must be
 * present in the file, or another column of the same group must (e.g. 行政区划代码 or 县区).
 */
record ColumnSpec(String key, String nameZh, String requiredGroup, List<String> aliases) {
    ColumnSpec {
        requireNonNull(key, "key");
        requireNonNull(nameZh, "nameZh");
        aliases = List.copyOf(aliases);
    }

    static ColumnSpec required(String key, String nameZh, String... aliases) {
        return new ColumnSpec(key, nameZh, key, List.of(aliases));
    }

    static ColumnSpec optional(String key, String nameZh, String... aliases) {
        return new ColumnSpec(key, nameZh, null, List.of(aliases));
    }

    static ColumnSpec oneOf(String group, String key, String nameZh, String... aliases) {
        return new ColumnSpec(key, nameZh, group, List.of(aliases));
    }

    boolean isRequired() {
        return requiredGroup != null;
    }

    /** 隐患描述 (description), as messages name a column. */
    String label() {
        return nameZh + " (" + key + ")";
    }
}
