package cn.xiaoan.ingest;

import java.text.Normalizer;
import java.util.Locale;

/** Small string helpers for per-row code: no regular expressions, no formatting. */
final class Text {
    /** Excel's own cell limit; longer cells are rejected rather than stored. */
    static final int MAX_CELL_LENGTH = 32_767;

    private static final int SHOWN_VALUE_LENGTH = 200;

    private Text() {}

    /** Strips ASCII and full-width spaces, NBSP and stray BOMs; returns null for null or blank. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return null;
        }
        return start == 0 && end == value.length() ? value : value.substring(start, end);
    }

    static boolean isSpace(char c) {
        return c <= ' ' || c == '\u3000' || c == '\u00A0' || c == '\uFEFF';
    }

    static boolean isBlank(String value) {
        return clean(value) == null;
    }

    /** A value shortened for a reject report, so a 10 MB cell does not make a 10 MB report line. */
    static String shown(String value) {
        if (value == null) {
            return "";
        }
        if (value.length() <= SHOWN_VALUE_LENGTH) {
            return value;
        }
        return value.substring(0, SHOWN_VALUE_LENGTH) + "…";
    }

    /**
     * The comparable form of a header: width folded (NFKC), spaces, asterisks (required-column marks) and line
     * breaks removed, lower case, {@code -} and space as {@code _} for English keys.
     */
    static String headerKey(String header) {
        if (header == null) {
            return "";
        }
        String folded = Normalizer.normalize(header, Normalizer.Form.NFKC);
        var out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '*' || c == '\u3000' || c == '\u00A0' || c == '\uFEFF' || c == '\r' || c == '\n' || c == '\t') {
                continue;
            }
            if (c == ' ' || c == '-') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                continue;
            }
            out.append(Character.toLowerCase(c));
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '_') {
            end--;
        }
        out.setLength(end);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The header without a trailing parenthesised note, e.g. 整改期限(年月日) → 整改期限; null when there is none. */
    static String withoutNote(String key) {
        int open = key.indexOf('(');
        if (open <= 0 || !key.endsWith(")")) {
            return null;
        }
        return key.substring(0, open);
    }

    /** Appends {@code value} as a JSON string literal. */
    static void appendJsonString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00");
                        out.append(Character.forDigit(c >> 4, 16));
                        out.append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
