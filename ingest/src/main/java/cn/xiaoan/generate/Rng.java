package cn.xiaoan.generate;

/**
 * A SplitMix64 stream, re-seedable without allocation, so each generated item is a pure function of (seed, item).
 */
final class Rng {
    private static final double DOUBLE_UNIT = 0x1.0p-53;
    private long state;

    /** Starts the stream of one item: the same (seed, salt, item) always gives the same numbers. */
    Rng reset(long seed, long salt, long item) {
        state = mix(seed ^ mix(salt * 0x9E3779B97F4A7C15L + item));
        return this;
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) * bound >>> 31);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** An approximately standard normal number (sum of four uniforms), cheap and bounded to ±3.5. */
    double nextNormal() {
        return (nextDouble() + nextDouble() + nextDouble() + nextDouble() - 2.0) * 1.7320508075688772;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
