package cn.xiaoan.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a file is, from its size and first bytes (to tell the format), read without a pass over the whole file. The
 * file's SHA-256 is {@link #sha256(Path)}, or comes from a {@link HashingInputStream} as the file is read.
 */
record FileProbe(long size, byte[] head) {
    private static final int HEAD_LENGTH = 512;

    static FileProbe of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new FileProbe(Files.size(file), in.readNBytes(HEAD_LENGTH));
        }
    }

    /** The hex SHA-256 of the file's bytes, in one pass. */
    static String sha256(Path file) throws IOException {
        try (var in = new HashingInputStream(Files.newInputStream(file))) {
            return in.sha256();
        }
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

    /** Whether {@code length} bytes from {@code offset} are complete, well-formed UTF-8 sequences. */
    static boolean isUtf8(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
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
                return false;
            }
            if (i + continuation >= end) {
                return false;
            }
            for (int j = i + 1; j <= i + continuation; j++) {
                if ((bytes[j] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += continuation + 1;
        }
        return true;
    }
}
