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
 * <p>The table on the heap holds one long per slot: the high 32 bits of the key's hash, whose top bits are also the
 * slot (so the table grows without the keys), and a 32-bit reference into an append-only log of the keys on disk
 * (8 bytes a slot, one cache line per probe), so a 10-million-row file fits a small heap; a map of strings needs
 * over ten times that. A fingerprint hit is confirmed against the logged key before a
 * row is called a duplicate: two different ids that share a hash are both kept. Hits are rare (true duplicates, and
 * different keys whose fingerprints agree in the bits below the slot's), so the log is read only then; appending to
 * it is sequential.
 */
final class FirstRows implements Closeable {
    /** The hash of a key's two texts (the second may be null); injectable so a test can force collisions. */
    @FunctionalInterface
    interface KeyHash {
        long of(String first, String second);
    }

    private static final int INITIAL_BITS = 12;
    private static final long FINGERPRINT = 0xFFFF_FFFF_0000_0000L;
    private static final long EMPTY = 0L;

    private final KeyHash keyHash;
    private final KeyLog log;
    /** Per slot: the hash's high 32 bits (never zero: the low bit is forced) and the reference, or {@link #EMPTY}. */
    private long[] slots = new long[1 << INITIAL_BITS];

    private int bits = INITIAL_BITS;

    private int size;

    /** Keys are logged to {@code logFile}, created on first use and deleted on {@link #close}. */
    FirstRows(Path logFile) {
        this(logFile, FirstRows::hash, KeyLog.BUFFER_CHARS);
    }

    FirstRows(Path logFile, KeyHash keyHash) {
        this(logFile, keyHash, KeyLog.BUFFER_CHARS);
    }

    FirstRows(Path logFile, KeyHash keyHash, int logBufferChars) {
        this.log = new KeyLog(logFile, logBufferChars);
        this.keyHash = keyHash;
    }

    /** The row recorded for the key, or -1 after recording {@code row} for it. */
    int putIfAbsent(String first, String second, int row) {
        long fingerprint = (mix(keyHash.of(first, second)) | 0x1_0000_0000L) & FINGERPRINT;
        int mask = slots.length - 1;
        int slot = home(fingerprint);
        long entry;
        while ((entry = slots[slot]) != EMPTY) {
            if ((entry & FINGERPRINT) == fingerprint) {
                int earlier = log.rowIfSameKey((int) entry, first, second);
                if (earlier >= 0) {
                    return earlier;
                }
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = fingerprint | (log.append(first, second, row) & 0xFFFF_FFFFL);
        if (++size > slots.length * 3L / 4) {
            grow();
        }
        return -1;
    }

    int size() {
        return size;
    }

    /** The first slot to look in: the fingerprint's top bits. */
    private int home(long entry) {
        return (int) (entry >>> (Long.SIZE - bits));
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        bits++;
        int mask = slots.length - 1;
        for (long entry : old) {
            if (entry != EMPTY) {
                int slot = home(entry);
                while (slots[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = entry;
            }
        }
    }

    @Override
    public void close() {
        log.close();
    }

    /**
     * A 64-bit hash of two texts (the second may be null) from their own hash codes, which the strings cache and the
     * register's lookups of the same school code reuse; {@link #putIfAbsent} mixes it. Quality matters only for
     * speed: equal hashes are told apart by the keys themselves.
     */
    static long hash(String first, String second) {
        long s = second == null ? 0x632B_E59B_D9B4_E019L : (second.hashCode() + 0x1F) * 0xC2B2AE3D27D4EB4FL;
        return first.hashCode() * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(s, 32);
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
     * Records of {@code [row, length of first, length of second or -1, chars…]} (each int as two chars), padded to
     * four chars (8 bytes), so a 32-bit reference addresses 32 GB. The newest records sit in a buffer; a record is
     * either wholly in the buffer or wholly in the file.
     */
    private static final class KeyLog {
        static final int BUFFER_CHARS = 1 << 19;
        private static final int HEADER_CHARS = 6;
        private static final int ALIGNMENT_BITS = 2;

        private final Path file;
        private final char[] buffer;
        private int buffered;
        private FileChannel channel;
        /** Chars written to the file. */
        private long flushed;

        KeyLog(Path file, int bufferChars) {
            this.file = file;
            this.buffer = new char[bufferChars];
        }

        /** Logs the key and returns its reference (an unsigned int). */
        int append(String first, String second, int row) {
            int secondLength = second == null ? -1 : second.length();
            int length = align(HEADER_CHARS + first.length() + Math.max(secondLength, 0));
            if (length > buffer.length - buffered) {
                flush();
            }
            long offset = flushed + buffered;
            if ((offset >>> ALIGNMENT_BITS) > 0xFFFF_FFFFL) {
                throw new IllegalStateException("Cannot check duplicate ids: more than 32 GB of ids in one file");
            }
            char[] target = length > buffer.length ? new char[length] : buffer;
            int at = target == buffer ? buffered : 0;
            at = putInt(target, at, row);
            at = putInt(target, at, first.length());
            at = putInt(target, at, secondLength);
            first.getChars(0, first.length(), target, at);
            if (second != null) {
                second.getChars(0, secondLength, target, at + first.length());
            }
            if (target == buffer) {
                buffered += length;
            } else {
                write(target, length);
            }
            return (int) (offset >>> ALIGNMENT_BITS);
        }

        /** The row of the record at {@code reference} when its key equals the given one, else -1. */
        int rowIfSameKey(int reference, String first, String second) {
            long offset = Integer.toUnsignedLong(reference) << ALIGNMENT_BITS;
            int secondLength = second == null ? -1 : second.length();
            char[] record;
            int at;
            if (offset >= flushed) {
                record = buffer;
                at = (int) (offset - flushed);
            } else {
                record = read(offset, HEADER_CHARS + first.length() + Math.max(secondLength, 0));
                at = 0;
                if (record.length < HEADER_CHARS) {
                    return -1;
                }
            }
            int row = getInt(record, at);
            if (getInt(record, at + 2) != first.length() || getInt(record, at + 4) != secondLength) {
                return -1;
            }
            at += HEADER_CHARS;
            return same(record, at, first) && (second == null || same(record, at + first.length(), second)) ? row : -1;
        }

        private static int align(int length) {
            return (length + 3) & ~3;
        }

        private static int putInt(char[] target, int at, int value) {
            target[at] = (char) (value >>> 16);
            target[at + 1] = (char) value;
            return at + 2;
        }

        private static int getInt(char[] source, int at) {
            return (source[at] << 16) | source[at + 1];
        }

        private static boolean same(char[] record, int at, String text) {
            for (int i = 0; i < text.length(); i++) {
                if (record[at + i] != text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private void flush() {
            write(buffer, buffered);
            buffered = 0;
        }

        private void write(char[] chars, int length) {
            if (length == 0) {
                return;
            }
            ByteBuffer bytes = ByteBuffer.allocate(length * 2);
            bytes.asCharBuffer().put(chars, 0, length);
            try {
                if (channel == null) {
                    channel = FileChannel.open(
                            file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
                }
                long position = flushed * 2;
                while (bytes.hasRemaining()) {
                    position += channel.write(bytes, position);
                }
                flushed += length;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot check duplicate ids: cannot write " + file, e);
            }
        }

        /** Up to {@code chars} chars of the log from {@code offset} (fewer at its end). */
        private char[] read(long offset, int chars) {
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(chars, flushed - offset) * 2);
            try {
                while (bytes.hasRemaining()) {
                    if (channel.read(bytes, offset * 2 + bytes.position()) < 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot check duplicate ids: cannot read " + file, e);
            }
            bytes.flip();
            char[] record = new char[bytes.remaining() / 2];
            bytes.asCharBuffer().get(record);
            return record;
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
