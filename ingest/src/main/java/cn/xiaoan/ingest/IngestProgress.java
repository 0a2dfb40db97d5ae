package cn.xiaoan.ingest;

/** Receives the running count of rows read, for a progress bar; called from the ingesting thread. */
@FunctionalInterface
public interface IngestProgress {
    void rows(long rowsRead);

    static IngestProgress silent() {
        return rowsRead -> {};
    }
}
