package cn.xiaoan.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The first row at which each key of a file (a school code and a hazard id) was seen, exactly.
 *
 * <p>The table on the heap holds only a 64-bit hash and a reference per key (12 bytes a slot), so that a
 * 10-million-row file fits a small heap; a map of strings needs about ten times that. The keys themselves go to an
 * append-only log on disk, and a hash hit is confirmed against the logged key before a row is called a duplicate:
 * two different ids that share a hash are both kept. Hits are rare (true duplicates, and about n²/2⁶⁵ collisions),
 * so the log is read only then; appending to it is sequential.
 */
final class FirstRows implements Closeable {
    /** The hash of a key's two texts (the second may be null); injectable so a test can force collisions. */
    @FunctionalInterface
    interface KeyHash {
        long of(String first, String second);
    }

    private static final int INITIAL_CAPACITY = 1 << 12;
    /** Marks an empty slot; a key hashing to it is stored as {@link #ZERO_STAND_IN}. */
    private static final long EMPTY = 0L;

    private static final long ZERO_STAND_IN = 0x9E3779B97F4A7C15L;
    /** Records start on 8-byte boundaries, so an int reference addresses 16 GB of log. */
    private static final int ALIGNMENT_BITS = 3;

    private static final int HEADER_BYTES = 12;

    private final KeyHash keyHash;
    private final KeyLog log;
    private long[] hashes = new long[INITIAL_CAPACITY];
    private int[] references = new int[INITIAL_CAPACITY];
    private int size;

    /** Keys are logged to {@code logFile}, created on first use and deleted on {@link #close}. */
    FirstRows(Path logFile) {
        this(logFile, FirstRows::hash);
    }

    FirstRows(Path logFile, KeyHash keyHash) {
        this.log = new KeyLog(logFile);
        this.keyHash = keyHash;
    }

    /** The row recorded for the key, or -1 after recording {@code row} for it. */
    int putIfAbsent(String first, String second, int row) {
        long hash = keyHash.of(first, second);
        long stored = hash == EMPTY ? ZERO_STAND_IN : hash;
        int mask = hashes.length - 1;
        int slot = (int) mix(stored) & mask;
        while (hashes[slot] != EMPTY) {
            if (hashes[slot] == stored) {
                int earlier = log.rowIfSameKey(references[slot], first, second);
                if (earlier >= 0) {
                    return earlier;
                }
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = stored;
        references[slot] = log.append(first, second, row);
        if (++size > hashes.length * 3L / 4) {
            grow();
        }
        return -1;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldReferences = references;
        hashes = new long[oldHashes.length * 2];
        references = new int[oldHashes.length * 2];
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != EMPTY) {
                int slot = (int) mix(oldHashes[i]) & mask;
                while (hashes[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                references[slot] = oldReferences[i];
            }
        }
    }

    @Override
    public void close() {
        log.close();
    }

    /** A 64-bit hash of two texts (the second may be null), kept apart by a separator value. */
    static long hash(String first, String second) {
        long h = 0xCBF29CE484222325L;
        h = add(h, first);
        h = (h ^ 0x1F) * 0x100000001B3L;
        return second == null ? h : add(h, second);
    }

    private static long add(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001B3L;
            h = Long.rotateLeft(h, 5);
        }
        return mix(h + text.length());
    }

    /** Murmur3's 64-bit finaliser: every input bit reaches every output bit. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93E8A0EA9D5L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * Records of {@code [row, length of first, length of second or -1, UTF-16 chars…]}, padded to 8 bytes. The
     * newest records sit in a buffer; a record is either wholly in the buffer or wholly in the file.
     */
    private static final class KeyLog {
        private static final int BUFFER_BYTES = 1 << 20;

        private final Path file;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        private FileChannel channel;
        private long flushed;

        KeyLog(Path file) {
            this.file = file;
        }

        int append(String first, String second, int row) {
            int secondLength = second == null ? -1 : second.length();
            int length = align(HEADER_BYTES + 2 * (first.length() + Math.max(secondLength, 0)));
            long offset = flushed + buffer.position();
            if ((offset >>> ALIGNMENT_BITS) > Integer.MAX_VALUE) {
                throw new IllegalStateException("Cannot check duplicate ids: more than 16 GB of ids in one file");
            }
            ByteBuffer target = buffer;
            if (length > buffer.remaining()) {
                flush();
                offset = flushed;
                target = length > buffer.capacity() ? ByteBuffer.allocate(length) : buffer;
            }
            int start = target.position();
            target.putInt(row).putInt(first.length()).putInt(secondLength);
            putChars(target, first);
            if (second != null) {
                putChars(target, second);
            }
            target.position(start + length);
            if (target != buffer) {
                target.flip();
                write(target);
            }
            return (int) (offset >>> ALIGNMENT_BITS);
        }

        /** The row of the record at {@code reference} when its key equals the given one, else -1. */
        int rowIfSameKey(int reference, String first, String second) {
            long offset = (long) reference << ALIGNMENT_BITS;
            ByteBuffer record;
            if (offset >= flushed) {
                record = buffer.duplicate().position((int) (offset - flushed));
            } else {
                int secondLength = second == null ? 0 : second.length();
                record = read(offset, HEADER_BYTES + 2 * (first.length() + secondLength));
            }
            int row = record.getInt();
            int firstLength = record.getInt();
            int secondLength = record.getInt();
            if (firstLength != first.length() || secondLength != (second == null ? -1 : second.length())) {
                return -1;
            }
            return sameChars(record, first) && (second == null || sameChars(record, second)) ? row : -1;
        }

        private static int align(int length) {
            return (length + 7) & ~7;
        }

        private static void putChars(ByteBuffer target, String text) {
            for (int i = 0; i < text.length(); i++) {
                target.putChar(text.charAt(i));
            }
        }

        private static boolean sameChars(ByteBuffer record, String text) {
            for (int i = 0; i < text.length(); i++) {
                if (record.getChar() != text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private void flush() {
            buffer.flip();
            write(buffer);
            buffer.clear();
        }

        private void write(ByteBuffer bytes) {
            try {
                if (channel == null) {
                    channel = FileChannel.open(
                            file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
                }
                while (bytes.hasRemaining()) {
                    flushed += channel.write(bytes, flushed);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot check duplicate ids: cannot write " + file, e);
            }
        }

        /** Reads a record whose key, if it is the one looked for, takes {@code bytes} bytes with its header. */
        private ByteBuffer read(long offset, int bytes) {
            ByteBuffer record = ByteBuffer.allocate((int) Math.min(bytes, flushed - offset));
            try {
                while (record.hasRemaining()) {
                    if (channel.read(record, offset + record.position()) < 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot check duplicate ids: cannot read " + file, e);
            }
            return record.flip();
        }

        void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove " + file, e);
            }
        }
    }
}
