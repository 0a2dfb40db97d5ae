package cn.xiaoan.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The taxonomy of {@code data/reference/taxonomy.csv}: names and aliases of every coded value. Loading checks the
 * file against the enums, so the two can never drift apart.
 */
public final class Taxonomy {
    private final Map<TaxonomyKind, Map<String, Term>> termsByCode = new EnumMap<>(TaxonomyKind.class);
    private final Map<TaxonomyKind, Map<String, String>> codeBySpelling = new EnumMap<>(TaxonomyKind.class);

    Taxonomy(List<Term> terms) {
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            termsByCode.put(kind, new java.util.LinkedHashMap<>());
            codeBySpelling.put(kind, new HashMap<>());
        }
        for (Term term : terms) {
            if (!term.kind().codes().contains(term.code())) {
                throw new IllegalStateException("Cannot load taxonomy: "
                        + term.kind().fileKind() + " code \"" + term.code() + "\" has no enum constant");
            }
            if (termsByCode.get(term.kind()).put(term.code(), term) != null) {
                throw new IllegalStateException("Cannot load taxonomy: "
                        + term.kind().fileKind() + " code \"" + term.code() + "\" appears twice");
            }
            for (String spelling : term.spellings()) {
                String previous = codeBySpelling.get(term.kind()).putIfAbsent(normalise(spelling), term.code());
                if (previous != null && !previous.equals(term.code())) {
                    throw new IllegalStateException("Cannot load taxonomy: \"" + spelling + "\" names both " + previous
                            + " and " + term.code());
                }
            }
        }
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            for (String code : kind.codes()) {
                if (!termsByCode.get(kind).containsKey(code)) {
                    throw new IllegalStateException("Cannot load taxonomy: enum constant " + kind.fileKind() + " "
                            + code + " is missing from taxonomy.csv");
                }
            }
        }
    }

    /** Loads the taxonomy shipped in the jar. */
    public static Taxonomy load() {
        List<Term> terms = ReferenceCsv.read("taxonomy.csv").stream()
                .map(row -> new Term(
                        TaxonomyKind.ofFileKind(row.get("kind")),
                        row.get("code"),
                        row.get("name_zh"),
                        row.get("name_en"),
                        row.get("aliases").isBlank()
                                ? List.of()
                                : Arrays.asList(row.get("aliases").split("\\|"))))
                .toList();
        return new Taxonomy(terms);
    }

    /** The value named by a code, Chinese or English name or alias (case, width and surrounding space ignored). */
    public <E extends Enum<E> & Coded> Optional<E> resolve(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String code = codeBySpelling.get(TaxonomyKind.of(type)).get(normalise(text));
        return Optional.ofNullable(code).map(c -> Enum.valueOf(type, c));
    }

    public Term term(Coded value) {
        return termsByCode
                .get(TaxonomyKind.of(((Enum<?>) value).getDeclaringClass()))
                .get(value.code());
    }

    /** The terms of one kind in file order, which is the display order. */
    public List<Term> terms(TaxonomyKind kind) {
        return List.copyOf(termsByCode.get(kind).values());
    }

    /** Folds full-width forms and case, and drops spaces, so 「 消防安全 」 and "fire safety" match. */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return folded.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
