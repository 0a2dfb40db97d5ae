package cn.xiaoan.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The columns of one dataset and the header spellings that name them. */
final class Schema {
    private final List<ColumnSpec> columns;
    private final Map<String, Integer> indexBySpelling = new HashMap<>();

    Schema(List<ColumnSpec> columns) {
        this.columns = List.copyOf(columns);
        for (int i = 0; i < this.columns.size(); i++) {
            ColumnSpec column = this.columns.get(i);
            register(column.key(), i);
            register(column.nameZh(), i);
            for (String alias : column.aliases()) {
                register(alias, i);
            }
        }
    }

    private void register(String spelling, int index) {
        Integer previous = indexBySpelling.putIfAbsent(Text.headerKey(spelling), index);
        if (previous != null && previous != index) {
            throw new IllegalStateException("Cannot define schema: header \"" + spelling + "\" names both "
                    + columns.get(previous).key() + " and " + columns.get(index).key());
        }
    }

    List<ColumnSpec> columns() {
        return columns;
    }

    int size() {
        return columns.size();
    }

    int indexOf(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Cannot find column " + key + " in schema");
    }

    /** The column a header names, or -1. */
    int match(String header) {
        if (header == null) {
            return -1;
        }
        String key = Text.headerKey(header);
        if (key.isEmpty()) {
            return -1;
        }
        Integer index = indexBySpelling.get(key);
        if (index == null) {
            String bare = Text.withoutNote(key);
            index = bare == null ? null : indexBySpelling.get(bare);
        }
        return index == null ? -1 : index;
    }

    /** The required groups none of whose columns is present, each as its columns' labels. */
    List<String> missingRequired(boolean[] present) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, Boolean> satisfied = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            if (!column.isRequired()) {
                continue;
            }
            groups.computeIfAbsent(column.requiredGroup(), g -> new ArrayList<>())
                    .add(column.label());
            satisfied.merge(column.requiredGroup(), present[i], Boolean::logicalOr);
        }
        var missing = new ArrayList<String>();
        groups.forEach((group, labels) -> {
            if (!satisfied.get(group)) {
                missing.add(String.join(" 或/or ", labels));
            }
        });
        return missing;
    }
}
