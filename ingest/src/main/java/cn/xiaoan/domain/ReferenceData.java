package cn.xiaoan.domain;

import static java.util.Objects.requireNonNull;

/** The reference data every module shares: the taxonomy and the districts. */
public record ReferenceData(Taxonomy taxonomy, Districts districts) {
    public ReferenceData {
        requireNonNull(taxonomy, "taxonomy");
        requireNonNull(districts, "districts");
    }

    public static ReferenceData load() {
        return new ReferenceData(Taxonomy.load(), Districts.load());
    }
}
