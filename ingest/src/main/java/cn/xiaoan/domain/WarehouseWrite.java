package cn.xiaoan.domain;

/** A held warehouse write lock; closing it lets the next writer in. */
public final class WarehouseWrite implements AutoCloseable {
    private final Warehouse warehouse;
    private final Runnable release;
    private boolean closed;

    WarehouseWrite(Warehouse warehouse, Runnable release) {
        this.warehouse = warehouse;
        this.release = release;
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release.run();
        }
    }
}
