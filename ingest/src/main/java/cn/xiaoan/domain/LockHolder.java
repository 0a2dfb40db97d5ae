package cn.xiaoan.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Who holds a warehouse's write lock, as recorded beside the lock file when it was taken: the process, what it is
 * doing (e.g. {@code xiaoan ingest ledger.csv}) and since when.
 */
public record LockHolder(long pid, String command, Instant since) {
    /** One line: {@code 1234 2026-11-20T08:00:00Z xiaoan build}. */
    String toLine() {
        return pid + " " + since + " " + command.replace('\n', ' ');
    }

    static Optional<LockHolder> parse(String line) {
        String[] parts = line.strip().split(" ", 3);
        if (parts.length < 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LockHolder(Long.parseLong(parts[0]), parts[2], Instant.parse(parts[1])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code pid 1234 (xiaoan build) 自 … 起持有} in the language asked for. */
    public String describeZh() {
        return "pid " + pid + "（" + command + "）自 " + since + " 起持有";
    }

    public String describeEn() {
        return "pid " + pid + " (" + command + ") since " + since;
    }
}
