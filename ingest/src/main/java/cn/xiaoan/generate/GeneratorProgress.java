package cn.xiaoan.generate;

/** Receives progress while the generator runs; called from the generating thread. */
public interface GeneratorProgress {
    /**
     * One step advanced.
     *
     * @param step what is being written, e.g. {@code ledger 2024-06-30}
     * @param done units done in this step
     * @param total units of this step
     */
    void advanced(String step, long done, long total);

    /** Progress that goes nowhere. */
    static GeneratorProgress silent() {
        return (step, done, total) -> {};
    }
}
