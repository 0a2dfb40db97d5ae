package cn.xiaoan.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a file is, from its size and first bytes (to tell the format), read without a pass over the whole file, and
 * its SHA-256 once some step needed it ({@link #hashed}); otherwise the hash is taken as the file is read ({@link
 * OpenedTable#sha256}).
 */
record FileProbe(Path file, long size, byte[] head, Optional<String> sha256) {
    private static final int HEAD_LENGTH = 512;

    static FileProbe of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new FileProbe(file, Files.size(file), in.readNBytes(HEAD_LENGTH), Optional.empty());
        }
    }

    /** This probe with the file's SHA-256, taken in one pass if not known yet. */
    FileProbe hashed() throws IOException {
        if (sha256.isPresent()) {
            return this;
        }
        try (var in = new HashingInputStream(Files.newInputStream(file))) {
            return new FileProbe(file, size, head, Optional.of(in.sha256()));
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
}
