package cn.xiaoan.domain;

/** The school type (学校类型); names and aliases live in {@code data/reference/taxonomy.csv}. */
public enum SchoolType implements Coded {
    KINDERGARTEN,
    PRIMARY,
    JUNIOR,
    NINE_YEAR,
    SENIOR,
    COMPLETE_SECONDARY,
    VOCATIONAL,
    SPECIAL,
    TRAINING;

    @Override
    public String code() {
        return name();
    }
}
