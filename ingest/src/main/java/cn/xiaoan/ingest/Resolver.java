package cn.xiaoan.ingest;

import cn.xiaoan.domain.Coded;
import cn.xiaoan.domain.Taxonomy;
import cn.xiaoan.domain.TaxonomyKind;
import cn.xiaoan.domain.Term;
import java.util.Arrays;
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
    private static final int MAX_BY_BYTES = 64;

    private final Class<E> type;
    private final Taxonomy taxonomy;
    private final Map<String, Object> cache = new HashMap<>();
    /** The same answers by the cell's UTF-8 bytes as typed (trimmed), for the first {@link #MAX_BY_BYTES} spellings. */
    private byte[][] spellings = new byte[8][];

    private Object[] answers = new Object[8];
    private int spellingCount;
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

    /**
     * The value of a non-blank cell, or null when it names none. A cell with bytes is looked up by them, so a repeated
     * spelling is neither decoded nor hashed; a short list compared by length first is faster than a map here.
     */
    E resolve(Cells cells, int position) {
        byte[] bytes = cells.utf8();
        if (bytes == null) {
            return resolve(Text.clean(cells.get(position)));
        }
        int start = cells.textStart(position);
        int end = cells.textEnd(position);
        int length = end - start;
        for (int i = 0; i < spellingCount; i++) {
            byte[] spelling = spellings[i];
            if (spelling.length == length && Arrays.equals(spelling, 0, length, bytes, start, end)) {
                Object known = answers[i];
                return known == UNKNOWN ? null : type.cast(known);
            }
        }
        E value = resolve(Text.clean(cells.get(position)));
        if (spellingCount < MAX_BY_BYTES) {
            if (spellingCount == spellings.length) {
                spellings = Arrays.copyOf(spellings, spellingCount * 2);
                answers = Arrays.copyOf(answers, spellingCount * 2);
            }
            spellings[spellingCount] = Arrays.copyOfRange(bytes, start, end);
            answers[spellingCount++] = value == null ? UNKNOWN : value;
        }
        return value;
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
