package cn.xiaoan.analytics.figure;

import java.util.ArrayList;
import java.util.List;

/**
 * How many cells an answer has, as the product of its factors (members of each breakdown dimension, figures, points),
 * worked out from the model's dimension members before anything runs. Saturates instead of overflowing.
 */
public record QuestionSize(List<Factor> factors) {
    /** One factor of the product: so many members of a dimension, figures, or points of a trend. */
    public record Factor(long count, String nameZh, String nameEn) {}

    public QuestionSize {
        factors = List.copyOf(factors);
    }

    public long cells() {
        long cells = 1;
        for (Factor factor : factors) {
            cells = factor.count() != 0 && cells > Long.MAX_VALUE / factor.count()
                    ? Long.MAX_VALUE
                    : cells * factor.count();
        }
        return cells;
    }

    /** These factors and one more. */
    public QuestionSize times(Factor factor) {
        var more = new ArrayList<>(factors);
        more.add(factor);
        return new QuestionSize(more);
    }

    String factorsZh() {
        return String.join(
                " × ", factors.stream().map(f -> f.nameZh() + " " + f.count()).toList());
    }

    String factorsEn() {
        return String.join(
                " × ", factors.stream().map(f -> f.count() + " " + f.nameEn()).toList());
    }

    /** Refuses the question when it has more cells than the budget. */
    public void checkWithin(long budget) {
        if (cells() > budget) {
            throw new QuestionTooLargeException(this, budget);
        }
    }
}
