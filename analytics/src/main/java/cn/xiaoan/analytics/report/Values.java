package cn.xiaoan.analytics.report;

import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureUnit;
import java.util.Locale;

/** How a figure's value is shown in a report: counts whole, rates as percent with one decimal, "—" when undefined. */
final class Values {
    static final String UNDEFINED = "—";

    private Values() {}

    static String text(Figure figure, Double value) {
        if (value == null) {
            return UNDEFINED;
        }
        return switch (figure.unit()) {
            case COUNT -> Long.toString(Math.round(value));
            case RATE -> String.format(Locale.ROOT, "%.1f%%", value * 100);
            default -> String.format(Locale.ROOT, "%.1f", value);
        };
    }

    /** A change as a signed number: counts in hazards, rates in percentage points. */
    static String change(Figure figure, Double change) {
        if (change == null) {
            return UNDEFINED;
        }
        return switch (figure.unit()) {
            case COUNT -> String.format(Locale.ROOT, "%+d", Math.round(change));
            case RATE -> String.format(Locale.ROOT, "%+.1f个百分点", change * 100);
            default -> String.format(Locale.ROOT, "%+.1f", change);
        };
    }

    /** A value for a chart: rates in percent, undefined as 0 would mislead, so as no bar (null). */
    static Double chartValue(Figure figure, Double value) {
        if (value == null) {
            return null;
        }
        return figure.unit() == FigureUnit.RATE ? value * 100 : value;
    }
}
