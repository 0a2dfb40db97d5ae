package cn.xiaoan.analytics.build;

/** One year, district, category and severity of the stock-flow statement, as the build check computed it. */
public record StockFlowCell(
        int year,
        String districtCode,
        String category,
        String severity,
        long opening,
        long found,
        long resolved,
        long closing) {
    /** opening + new − resolved − closing: 0 when the identity holds. */
    public long gap() {
        return opening + found - resolved - closing;
    }

    /** e.g. {@code 2025 140902 FIRE MAJOR: 2 + 3 − 2 ≠ 4}. */
    public String describe() {
        return year + " " + districtCode + " " + category + " " + severity + ": " + opening + " + " + found + " − "
                + resolved + " ≠ " + closing;
    }
}
