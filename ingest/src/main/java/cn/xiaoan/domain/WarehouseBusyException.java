package cn.xiaoan.domain;

/** Another writer held the warehouse lock for longer than this writer was willing to wait; nothing was written. */
public class WarehouseBusyException extends RuntimeException {
    public WarehouseBusyException(String message) {
        super(message);
    }
}
