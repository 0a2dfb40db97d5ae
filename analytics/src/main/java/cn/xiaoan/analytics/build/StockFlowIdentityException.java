package cn.xiaoan.analytics.build;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A model whose stock-flow statement does not add up (opening + new − resolved ≠ closing in some cell): the build
 * stops before publishing it, naming the cells.
 */
public final class StockFlowIdentityException extends IllegalStateException {
    /** How many cells the message names; the rest are counted. */
    static final int NAMED = 20;

    StockFlowIdentityException(List<StockFlowCell> cells) {
        super(message(cells));
    }

    private static String message(List<StockFlowCell> cells) {
        String named = cells.stream().limit(NAMED).map(StockFlowCell::describe).collect(Collectors.joining("; "));
        String more = cells.size() > NAMED
                ? "; … " + (cells.size() - NAMED) + " more / 另有 " + (cells.size() - NAMED) + " 项"
                : "";
        return "存量流量不平衡（期初 + 新增 − 整改 ≠ 期末），模型未发布 / The stock-flow identity fails (opening + new − resolved ≠"
                + " closing), the model is not published: " + cells.size() + " cell(s): " + named + more;
    }
}
