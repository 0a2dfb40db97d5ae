package cn.xiaoan.domain;

/** The inspection type (检查方式); names and aliases live in {@code data/reference/taxonomy.csv}. */
public enum InspectionType implements Coded {
    SELF,
    SUPERVISION,
    CROSS,
    JOINT,
    THIRD_PARTY,
    POLICE,
    UNANNOUNCED;

    @Override
    public String code() {
        return name();
    }
}
