package cn.xiaoan.ingest;

/** A file that cannot be read at all; the message says what was wrong and what to do. */
public class UnreadableFileException extends RuntimeException {
    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
