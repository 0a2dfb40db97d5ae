package cn.xiaoan.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One pass over a file's bytes: its SHA-256, its size, its first bytes (to tell the format) and whether it is valid
 * UTF-8 (to tell UTF-8 from GBK/GB18030).
 */
record FileProbe(String sha256, long size, byte[] head, boolean validUtf8) {
    private static final int HEAD_LENGTH = 512;

    static FileProbe of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash files: the JVM has no SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        byte[] head = new byte[0];
        long size = 0;
        var utf8 = new Utf8Check();
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (head.length < HEAD_LENGTH) {
                    int take = Math.min(n, HEAD_LENGTH - head.length);
                    head = Arrays.copyOf(head, head.length + take);
                    System.arraycopy(buffer, 0, head, head.length - take, take);
                }
                digest.update(buffer, 0, n);
                utf8.update(buffer, n);
                size += n;
            }
        }
        return new FileProbe(HexFormat.of().formatHex(digest.digest()), size, head, utf8.valid());
    }

    boolean isZip() {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** Old binary Excel (.xls, OLE2 compound file). */
    boolean isOle2() {
        return head.length >= 8
                && (head[0] & 0xFF) == 0xD0
                && (head[1] & 0xFF) == 0xCF
                && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0;
    }

    /** The first character that is not white space or a BOM, or -1. */
    int firstSignificantByte() {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        for (; i < head.length; i++) {
            int b = head[i] & 0xFF;
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return -1;
    }

    /** Many NUL or control bytes in the head: not a text file. */
    boolean looksBinary() {
        int control = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0 || (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f')) {
                control++;
            }
        }
        return control > head.length / 20 + 1;
    }

    /** Whether the first {@code length} bytes are complete, valid UTF-8. */
    static boolean isUtf8(byte[] bytes, int length) {
        var check = new Utf8Check();
        check.update(bytes, length);
        return check.valid();
    }

    /** Streaming UTF-8 validator; sequences may straddle buffers. */
    private static final class Utf8Check {
        private int pending;
        private boolean valid = true;

        void update(byte[] bytes, int length) {
            if (!valid) {
                return;
            }
            int i = 0;
            // Finish a sequence that straddled the previous buffer.
            while (pending > 0 && i < length) {
                if ((bytes[i] & 0xC0) != 0x80) {
                    valid = false;
                    return;
                }
                pending--;
                i++;
            }
            while (i < length) {
                int b = bytes[i];
                if (b >= 0) {
                    i++;
                    continue;
                }
                b &= 0xFF;
                int continuation;
                if (b >= 0xC2 && b <= 0xDF) {
                    continuation = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    continuation = 2;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    continuation = 3;
                } else {
                    valid = false;
                    return;
                }
                int end = Math.min(length, i + 1 + continuation);
                for (int j = i + 1; j < end; j++) {
                    if ((bytes[j] & 0xC0) != 0x80) {
                        valid = false;
                        return;
                    }
                }
                pending = i + 1 + continuation - end;
                i = end;
            }
        }

        boolean valid() {
            return valid && pending == 0;
        }
    }
}
