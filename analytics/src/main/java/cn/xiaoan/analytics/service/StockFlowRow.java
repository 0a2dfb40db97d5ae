package cn.xiaoan.analytics.service;

/**
 * One line of the stock-flow statement (存量流量表): the four {@code stock_flow_*} figures of a severity, district and
 * category ({@code null} district and category on a severity's total line).
 */
public record StockFlowRow(
        String severity, String districtCode, String category, long opening, long found, long resolved, long closing) {
    /** Whether opening + new − resolved = closing (every build checks it; the statement shows it). */
    public boolean balanced() {
        return opening + found - resolved == closing;
    }
}
