package cn.xiaoan.domain;

/** The hazard severity (隐患等级); names and aliases live in {@code data/reference/taxonomy.csv}. */
public enum Severity implements Coded {
    GENERAL,
    MAJOR;

    @Override
    public String code() {
        return name();
    }
}
