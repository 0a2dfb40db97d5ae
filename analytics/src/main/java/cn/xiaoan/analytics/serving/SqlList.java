package cn.xiaoan.analytics.serving;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A list bound to one SQL parameter as a DuckDB list of {@code elementType} (e.g. {@code DOUBLE}), so a statement can
 * answer many values at once instead of being run once per value; elements may be null.
 */
public record SqlList(String elementType, List<?> elements) {
    public SqlList {
        requireNonNull(elementType, "elementType");
        elements = Collections.unmodifiableList(new ArrayList<>(elements));
    }
}
