package cn.xiaoan.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One entry of the taxonomy: a code with its Chinese and English names and the aliases ingest accepts. */
public record Term(TaxonomyKind kind, String code, String nameZh, String nameEn, List<String> aliases) {
    public Term {
        requireNonNull(kind, "kind");
        requireNonNull(code, "code");
        requireNonNull(nameZh, "nameZh");
        requireNonNull(nameEn, "nameEn");
        aliases = List.copyOf(aliases);
        if (code.isBlank() || nameZh.isBlank() || nameEn.isBlank()) {
            throw new IllegalArgumentException("Cannot create term: blank code or name in " + code);
        }
    }

    /** Every spelling that names this term: code, both names and the aliases. */
    public List<String> spellings() {
        var all = new java.util.ArrayList<String>();
        all.add(code);
        all.add(nameZh);
        all.add(nameEn);
        all.addAll(aliases);
        return all;
    }
}
