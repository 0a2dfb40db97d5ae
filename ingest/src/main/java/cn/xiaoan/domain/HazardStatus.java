package cn.xiaoan.domain;

/** The rectification status (整改状态); names and aliases live in {@code data/reference/taxonomy.csv}. */
public enum HazardStatus implements Coded {
    OPEN,
    IN_PROGRESS,
    RECTIFIED,
    CLOSED;

    @Override
    public String code() {
        return name();
    }
}
