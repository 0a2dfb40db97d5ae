package cn.xiaoan.domain;

/** The hazard category (隐患类别); names and aliases live in {@code data/reference/taxonomy.csv}. */
public enum Category implements Coded {
    FIRE,
    ELECTRIC_GAS,
    TRAFFIC,
    FOOD_WATER,
    LAB_CHEM,
    BUILDING,
    CONSTRUCTION,
    EQUIPMENT,
    SECURITY,
    BULLYING_MENTAL,
    ACTIVITY,
    EDUCATION_DRILL,
    MANAGEMENT,
    DISEASE,
    NATURAL_DISASTER;

    @Override
    public String code() {
        return name();
    }
}
