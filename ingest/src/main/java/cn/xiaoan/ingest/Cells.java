package cn.xiaoan.ingest;

import java.util.Arrays;

/**
 * One row's cells as read from a source. A CSV row that is valid UTF-8 keeps its bytes: a cell is decoded only when a
 * converter asks for its text, and a cell stored as typed (a description, a person) is copied to the batch as those
 * bytes, never turned into a {@code String} and back. Other rows are plain texts ({@link #of}). A row a source reuses
 * is valid until the source's next row.
 */
abstract class Cells {
    abstract int size();

    /** The cell's text as read (not trimmed); null when the row has no such cell. */
    abstract String get(int position);

    /** Whether the cell is missing or holds only spaces ({@link Text#isSpace}). */
    abstract boolean isBlank(int position);

    /** Whether the cell holds more than {@code chars} characters. */
    abstract boolean longerThan(int position, int chars);

    /** The UTF-8 bytes every cell of the row lies in ({@link #start}, {@link #end}), or null for a row of texts. */
    byte[] utf8() {
        return null;
    }

    int start(int position) {
        throw new UnsupportedOperationException("a row of texts has no bytes");
    }

    int end(int position) {
        throw new UnsupportedOperationException("a row of texts has no bytes");
    }

    /** Where the cell's text starts in {@link #utf8} once the spaces {@link Text#clean} strips are gone. */
    int textStart(int position) {
        return Utf8.trimStart(utf8(), start(position), end(position));
    }

    /** Where the cell's text ends in {@link #utf8}, likewise; {@link #textStart} for a blank cell. */
    int textEnd(int position) {
        return Utf8.trimEnd(utf8(), textStart(position), end(position));
    }

    /** False when the cell is known to hold no comma, quote or line break, so CSV can take its bytes bare. */
    boolean mayNeedQuotes(int position) {
        return true;
    }

    String[] toArray() {
        String[] texts = new String[size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = get(i);
        }
        return texts;
    }

    static Cells of(String[] texts) {
        return new Texts(texts);
    }

    private static final class Texts extends Cells {
        private final String[] texts;

        Texts(String[] texts) {
            this.texts = texts;
        }

        @Override
        int size() {
            return texts.length;
        }

        @Override
        String get(int position) {
            return position < texts.length ? texts[position] : null;
        }

        @Override
        boolean isBlank(int position) {
            return Text.isBlank(get(position));
        }

        @Override
        boolean longerThan(int position, int chars) {
            String text = get(position);
            return text != null && text.length() > chars;
        }

        @Override
        /** False when the cell is known to hold no comma, quote or line break, so CSV can take its bytes bare. */
        boolean mayNeedQuotes(int position) {
            return true;
        }

        String[] toArray() {
            return Arrays.copyOf(texts, texts.length);
        }
    }
}
