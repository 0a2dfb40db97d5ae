package cn.xiaoan.api.geo;

import cn.xiaoan.analytics.figure.FigureUnit;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** How a figure's value is written on a map: rates as percentages, counts whole, indices and days to one decimal. */
public final class FigureValueFormat {
    private FigureValueFormat() {}

    public static DoubleFunction<String> of(FigureUnit unit) {
        return switch (unit) {
            case RATE -> value -> decimals(1).format(value * 100) + "%";
            case COUNT -> value -> decimals(0).format(value);
            case INDEX, DAYS -> value -> decimals(1).format(value);
        };
    }

    private static NumberFormat decimals(int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format;
    }
}
