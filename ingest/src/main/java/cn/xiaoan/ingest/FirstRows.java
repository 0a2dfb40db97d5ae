package cn.xiaoan.ingest;

/**
 * The first row at which each key of a file was seen, keyed by a 64-bit hash of the key's text, in two primitive
 * arrays (12 bytes a slot) so that a 10-million-row file fits a small heap; a map of strings needs about ten times
 * that. Two distinct keys share a hash with probability about n²/2⁶⁵ (3·10⁻⁶ for ten million rows).
 */
final class FirstRows {
    private static final int INITIAL_CAPACITY = 1 << 12;
    /** Marks an empty slot; a key hashing to it is stored as {@link #ZERO_STAND_IN}. */
    private static final long EMPTY = 0L;

    private static final long ZERO_STAND_IN = 0x9E3779B97F4A7C15L;

    private long[] keys = new long[INITIAL_CAPACITY];
    private int[] rows = new int[INITIAL_CAPACITY];
    private int size;

    /** The row recorded for {@code key}, or -1 after recording {@code row} for it. */
    int putIfAbsent(long key, int row) {
        long stored = key == EMPTY ? ZERO_STAND_IN : key;
        int mask = keys.length - 1;
        int slot = (int) mix(stored) & mask;
        while (keys[slot] != EMPTY) {
            if (keys[slot] == stored) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = stored;
        rows[slot] = row;
        if (++size > keys.length * 3L / 4) {
            grow();
        }
        return -1;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = (int) mix(oldKeys[i]) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                rows[slot] = oldRows[i];
            }
        }
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
}
