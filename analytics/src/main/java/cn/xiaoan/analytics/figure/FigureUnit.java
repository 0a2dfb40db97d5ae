package cn.xiaoan.analytics.figure;

/** How a figure's value reads: a count of hazards, a fraction in [0, 1] shown as a percentage, an index or days. */
public enum FigureUnit {
    COUNT,
    RATE,
    INDEX,
    DAYS
}
