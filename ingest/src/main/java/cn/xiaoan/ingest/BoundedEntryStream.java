package cn.xiaoan.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The inflated bytes of one zip entry, refused past a size limit or when they inflate suspiciously far (a zip bomb):
 * the same rule as POI's {@code ZipSecureFile} (after the first 100 KB, compressed / inflated must stay at least
 * 1 %), counted on the bytes actually read rather than on sizes the zip directory claims.
 */
final class BoundedEntryStream extends FilterInputStream {
    static final double MIN_INFLATE_RATIO = 0.01;
    private static final long GRACE_BYTES = 100 * 1024;

    private final String part;
    private final long compressedBytes;
    private final long maxBytes;
    private final String whatToDo;
    private long inflated;

    BoundedEntryStream(InputStream in, String part, long compressedBytes, long maxBytes, String whatToDo) {
        super(in);
        this.part = part;
        this.compressedBytes = Math.max(compressedBytes, 0);
        this.maxBytes = maxBytes;
        this.whatToDo = whatToDo;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        inflated += n;
        if (inflated > maxBytes) {
            throw new PartTooLargeException(part + " is more than " + (maxBytes >> 20) + " MB uncompressed, more than"
                    + " the " + (maxBytes >> 20) + " MB allowed; " + whatToDo);
        }
        if (inflated > GRACE_BYTES && (double) compressedBytes / inflated < MIN_INFLATE_RATIO) {
            throw new PartTooLargeException("Zip bomb detected: " + part + " inflates to more than "
                    + Math.round(1 / MIN_INFLATE_RATIO) + " times its compressed size; " + whatToDo);
        }
    }

    /** A part refused for its size; the message says why and what to do. */
    static final class PartTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        PartTooLargeException(String message) {
            super(message);
        }
    }
}
