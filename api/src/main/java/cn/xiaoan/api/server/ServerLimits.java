package cn.xiaoan.api.server;

/**
 * What one caller may take from the server: JSON bodies and uploads are capped (uploads stream to disk under their
 * own, larger cap), heavy queries run at most {@code heavyQueries} at a time (more than the cores only lowers
 * throughput), and SQL statements and uploads are rate limited per user.
 */
public record ServerLimits(
        long maxBodyBytes, long maxUploadBytes, int heavyQueries, int sqlPerMinute, int uploadsPerMinute) {
    public static final long MIB = 1024L * 1024L;

    public ServerLimits {
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("Cannot set limits: a body cap of " + maxBodyBytes
                    + " bytes is below 1 KiB; requests would not fit");
        }
        if (maxUploadBytes < maxBodyBytes) {
            throw new IllegalArgumentException(
                    "Cannot set limits: the upload cap " + maxUploadBytes + " is below the body cap " + maxBodyBytes);
        }
        if (heavyQueries < 1 || sqlPerMinute < 1 || uploadsPerMinute < 1) {
            throw new IllegalArgumentException("Cannot set limits: concurrency and rates must be at least 1");
        }
    }

    /** 1 MiB JSON bodies, 256 MiB uploads, one heavy query per core, 60 statements and 20 uploads a minute. */
    public static ServerLimits defaults() {
        return new ServerLimits(MIB, 256 * MIB, Runtime.getRuntime().availableProcessors(), 60, 20);
    }

    /** These limits with another upload cap. */
    public ServerLimits withMaxUploadBytes(long bytes) {
        return new ServerLimits(maxBodyBytes, bytes, heavyQueries, sqlPerMinute, uploadsPerMinute);
    }
}
