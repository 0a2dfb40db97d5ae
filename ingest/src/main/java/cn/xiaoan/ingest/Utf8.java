package cn.xiaoan.ingest;

/**
 * UTF-8 byte ranges: strict validation (the JDK's decoders replace bad bytes instead of reporting them), and the
 * trimming of {@link Text#clean} done on bytes, so a cell can be checked and stored without becoming a {@code String}.
 */
final class Utf8 {
    /** The smallest code point each sequence length may encode (shorter forms are overlong, invalid). */
    private static final int[] MIN_CODE_POINT = {0, 0, 0x80, 0x800, 0x10000};

    private Utf8() {}

    /** Whether {@code bytes[from, to)} is well-formed UTF-8: no stray, overlong, surrogate or truncated sequence. */
    static boolean isValid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int x = bytes[i] & 0xFF;
            if (x < 0x80) {
                i++;
            } else if (x >= 0xE1 && x <= 0xEF && x != 0xED) {
                // Three bytes with any continuation is never overlong nor a surrogate: most CJK characters.
                if (i + 2 >= to || (bytes[i + 1] & 0xC0) != 0x80 || (bytes[i + 2] & 0xC0) != 0x80) {
                    return false;
                }
                i += 3;
            } else {
                int length = sequenceLength(x);
                if (length == 0 || i + length > to || !isValidSequence(bytes, i, length)) {
                    return false;
                }
                i += length;
            }
        }
        return true;
    }

    private static boolean isValidSequence(byte[] bytes, int at, int length) {
        int codePoint = bytes[at] & (0xFF >> (length + 1));
        for (int j = 1; j < length; j++) {
            int y = bytes[at + j];
            if ((y & 0xC0) != 0x80) {
                return false;
            }
            codePoint = (codePoint << 6) | (y & 0x3F);
        }
        return codePoint >= MIN_CODE_POINT[length]
                && codePoint <= Character.MAX_CODE_POINT
                && (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE);
    }

    /** The length of the sequence a lead byte starts, 0 for a byte that cannot start one. */
    static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    }

    /**
     * Decodes valid UTF-8 {@code bytes[from, to)} into {@code out} from 0; returns the number of chars. {@code out}
     * needs {@code to - from} chars (a character never takes more chars than bytes).
     */
    static int decodeValid(byte[] bytes, int from, int to, char[] out) {
        int c = 0;
        int i = from;
        while (i < to) {
            int x = bytes[i];
            if (x >= 0) {
                out[c++] = (char) x;
                i++;
            } else if ((x & 0xE0) == 0xC0) {
                out[c++] = (char) (((x & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
                i += 2;
            } else if ((x & 0xF0) == 0xE0) {
                out[c++] = (char) (((x & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
                i += 3;
            } else {
                int codePoint = ((x & 0x07) << 18)
                        | ((bytes[i + 1] & 0x3F) << 12)
                        | ((bytes[i + 2] & 0x3F) << 6)
                        | (bytes[i + 3] & 0x3F);
                out[c++] = Character.highSurrogate(codePoint);
                out[c++] = Character.lowSurrogate(codePoint);
                i += 4;
            }
        }
        return c;
    }

    /** Where the text of valid UTF-8 {@code bytes[from, to)} starts once leading {@link Text#isSpace} characters go. */
    static int trimStart(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int x = bytes[i] & 0xFF;
            if (x <= ' ') {
                i++;
            } else if (x == 0xC2 && i + 1 < to && (bytes[i + 1] & 0xFF) == 0xA0) {
                i += 2; // U+00A0
            } else if (x == 0xE3 && i + 2 < to && (bytes[i + 1] & 0xFF) == 0x80 && (bytes[i + 2] & 0xFF) == 0x80) {
                i += 3; // U+3000
            } else if (x == 0xEF && i + 2 < to && (bytes[i + 1] & 0xFF) == 0xBB && (bytes[i + 2] & 0xFF) == 0xBF) {
                i += 3; // U+FEFF
            } else {
                return i;
            }
        }
        return i;
    }

    /** Where the text of valid UTF-8 {@code bytes[from, to)} ends once trailing {@link Text#isSpace} characters go. */
    static int trimEnd(byte[] bytes, int from, int to) {
        int i = to;
        while (i > from) {
            int x = bytes[i - 1] & 0xFF;
            if (x <= ' ') {
                i--;
            } else if (x == 0xA0 && i - 2 >= from && (bytes[i - 2] & 0xFF) == 0xC2) {
                i -= 2;
            } else if (x == 0x80 && i - 3 >= from && (bytes[i - 2] & 0xFF) == 0x80 && (bytes[i - 3] & 0xFF) == 0xE3) {
                i -= 3;
            } else if (x == 0xBF && i - 3 >= from && (bytes[i - 2] & 0xFF) == 0xBB && (bytes[i - 3] & 0xFF) == 0xEF) {
                i -= 3;
            } else {
                return i;
            }
        }
        return i;
    }
}
