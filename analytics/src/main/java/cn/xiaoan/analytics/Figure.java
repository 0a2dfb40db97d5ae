package cn.xiaoan.analytics;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The registry of figures (DOMAIN.md "Figures: exact definitions"); each is computed by {@code sql/figures/<code>.sql}
 * and nowhere else.
 */
public enum Figure {
    RISK_INDEX("risk_index", "风险指数", "Risk index", FigureUnit.INDEX),
    OPEN("open", "未整改", "Open", FigureUnit.COUNT),
    OVERDUE("overdue", "超期未整改", "Overdue", FigureUnit.COUNT),
    FOUND("found", "发现隐患", "Found", FigureUnit.COUNT),
    RECTIFICATION_RATE("rectification_rate", "整改率", "Rectification rate", FigureUnit.RATE);

    private final String code;
    private final String nameZh;
    private final String nameEn;
    private final FigureUnit unit;

    Figure(String code, String nameZh, String nameEn, FigureUnit unit) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.unit = unit;
    }

    /** The code used in requests, JSON, exports and SQL tables, e.g. {@code rectification_rate}. */
    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public FigureUnit unit() {
        return unit;
    }

    /** The SQL resource that computes this figure per cell. */
    String sqlResource() {
        return "figures/" + code + ".sql";
    }

    /** The figure with this code (case ignored), or an exception listing the valid codes. */
    public static Figure fromCode(String code) {
        for (Figure figure : values()) {
            if (figure.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return figure;
            }
        }
        throw new IllegalArgumentException("Cannot find figure \"" + code + "\": expected one of " + codes());
    }

    /** The valid codes, comma separated, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(Figure::code).collect(Collectors.joining(", "));
    }
}
