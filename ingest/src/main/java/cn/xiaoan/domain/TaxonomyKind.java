package cn.xiaoan.domain;

import java.util.List;

/** The closed sets of the taxonomy, each tied to its enum and its {@code kind} in taxonomy.csv. */
public enum TaxonomyKind {
    CATEGORY("category", Category.class),
    SCHOOL_TYPE("school_type", SchoolType.class),
    INSPECTION_TYPE("inspection_type", InspectionType.class),
    SEVERITY("severity", Severity.class),
    STATUS("status", HazardStatus.class);

    private final String fileKind;
    private final Class<? extends Enum<?>> enumType;

    TaxonomyKind(String fileKind, Class<? extends Enum<?>> enumType) {
        this.fileKind = fileKind;
        this.enumType = enumType;
    }

    /** The value of the {@code kind} column in taxonomy.csv. */
    public String fileKind() {
        return fileKind;
    }

    public List<String> codes() {
        return java.util.Arrays.stream(enumType.getEnumConstants())
                .map(Enum::name)
                .toList();
    }

    public static TaxonomyKind of(Class<?> enumType) {
        for (TaxonomyKind kind : values()) {
            if (kind.enumType.equals(enumType)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "Cannot find taxonomy kind: " + enumType.getName() + " is not a taxonomy enum");
    }

    public static TaxonomyKind ofFileKind(String fileKind) {
        for (TaxonomyKind kind : values()) {
            if (kind.fileKind.equals(fileKind)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Cannot read taxonomy: unknown kind \"" + fileKind + "\"");
    }
}
