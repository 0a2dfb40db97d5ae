package cn.xiaoan.ingest;

/** Another writer (an ingest or a build) holds the warehouse lock. */
public class WarehouseBusyException extends RuntimeException {
    public WarehouseBusyException(String message) {
        super(message);
    }
}
