package cn.xiaoan.analytics.campaign;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a goal's measure is compared with its threshold or with another measure. */
public enum Comparison {
    EQUAL("="),
    BELOW("<"),
    AT_MOST("<="),
    ABOVE(">"),
    AT_LEAST(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** As campaign files write it. */
    public String symbol() {
        return symbol;
    }

    public boolean holds(double value, double reference) {
        return switch (this) {
            case EQUAL -> value == reference;
            case BELOW -> value < reference;
            case AT_MOST -> value <= reference;
            case ABOVE -> value > reference;
            case AT_LEAST -> value >= reference;
        };
    }

    public static Optional<Comparison> fromSymbol(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
    }

    public static String symbols() {
        return Arrays.stream(values()).map(Comparison::symbol).collect(Collectors.joining(", "));
    }
}
