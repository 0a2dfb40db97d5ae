package cn.xiaoan.analytics.figure;

/**
 * A question whose answer would exceed the cell budget, refused before anything ran. The message (zh / en) says how
 * large it would be, factor by factor, and how to narrow it.
 */
public final class QuestionTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final long cells;
    private final long budget;

    QuestionTooLargeException(QuestionSize size, long budget) {
        super("问题过大：需计算 " + String.format("%,d", size.cells()) + " 个单元格（" + size.factorsZh() + "），上限 "
                + String.format("%,d", budget) + "；请减少分组维度、增加筛选条件、缩短时间范围或改用更粗的时间粒度"
                + " / This question would compute " + String.format("%,d", size.cells()) + " cells ("
                + size.factorsEn() + "), more than the budget of " + String.format("%,d", budget)
                + ": break down by fewer dimensions, add a filter, shorten the range or choose a coarser grain");
        this.cells = size.cells();
        this.budget = budget;
    }

    /** The cells the answer would have had (saturating at {@link Long#MAX_VALUE}). */
    public long cells() {
        return cells;
    }

    public long budget() {
        return budget;
    }
}
