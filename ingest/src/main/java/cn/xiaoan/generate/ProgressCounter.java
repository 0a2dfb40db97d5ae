package cn.xiaoan.generate;

/** Reports progress of one step every few thousand units and once at the end. */
final class ProgressCounter {
    private static final long EVERY = 1 << 16;

    private final GeneratorProgress progress;
    private final String step;
    private final long total;
    private long done;

    ProgressCounter(GeneratorProgress progress, String step, long total) {
        this.progress = progress;
        this.step = step;
        this.total = total;
        progress.advanced(step, 0, total);
    }

    void advance() {
        if (++done % EVERY == 0) {
            progress.advanced(step, done, total);
        }
    }

    void finish() {
        progress.advanced(step, total, total);
    }
}
