package cn.xiaoan.ingest;

import cn.xiaoan.domain.Coded;
import cn.xiaoan.domain.Taxonomy;
import cn.xiaoan.domain.TaxonomyKind;
import cn.xiaoan.domain.Term;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves cell texts to one taxonomy enum, remembering every answer: a ledger repeats a handful of spellings a
 * million times, and the taxonomy's normalisation is too slow to run per cell.
 */
final class Resolver<E extends Enum<E> & Coded> {
    private static final int MAX_CACHED = 10_000;
    private static final Object UNKNOWN = new Object();

    private final Class<E> type;
    private final Taxonomy taxonomy;
    private final Map<String, Object> cache = new HashMap<>();
    private final String expectedZh;
    private final String expectedEn;

    Resolver(Class<E> type, Taxonomy taxonomy) {
        this.type = type;
        this.taxonomy = taxonomy;
        var zh = new StringBuilder();
        var en = new StringBuilder();
        for (Term term : taxonomy.terms(TaxonomyKind.of(type))) {
            if (zh.length() > 0) {
                zh.append('、');
                en.append(", ");
            }
            zh.append(term.nameZh());
            en.append(term.code());
        }
        this.expectedZh = zh.toString();
        this.expectedEn = en.toString();
    }

    /** The value, or null when the text names none. */
    E resolve(String text) {
        Object known = cache.get(text);
        if (known == null) {
            Optional<E> value = taxonomy.resolve(type, text);
            known = value.isPresent() ? value.get() : UNKNOWN;
            if (cache.size() < MAX_CACHED) {
                cache.put(text, known);
            }
        }
        return known == UNKNOWN ? null : type.cast(known);
    }

    /** e.g. 一般隐患、重大事故隐患 */
    String expectedZh() {
        return expectedZh;
    }

    /** e.g. GENERAL, MAJOR */
    String expectedEn() {
        return expectedEn;
    }
}
