package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;

/**
 * One breakdown cell: the codes of its members (in the table's dimension order) and every figure's value, in
 * {@link Figure} order; a value is null where the figure is undefined (a rate over nothing).
 */
public record FigureRow(List<String> keys, List<Double> values) {
    public FigureRow {
        keys = List.copyOf(keys);
        requireNonNull(values, "values");
        if (values.size() != Figure.values().length) {
            throw new IllegalArgumentException(
                    "Cannot create row: " + values.size() + " values for " + Figure.values().length + " figures");
        }
        values = Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    /** A figure's value, null where undefined. */
    public Double value(Figure figure) {
        return values.get(figure.ordinal());
    }
}
