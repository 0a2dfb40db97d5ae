package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The withdrawn batches of a warehouse, read from {@link Warehouse#withdrawalLog()}: one JSON object a line, only ever
 * appended (under the writer lock) and forced to disk before a withdrawal is reported done. A last line cut short by
 * a crash was never reported and is skipped; the next append starts on a fresh line.
 */
public final class Withdrawals {
    private static final Logger LOG = LoggerFactory.getLogger(Withdrawals.class);

    private final Map<Long, Withdrawal> byBatch;

    private Withdrawals(Map<Long, Withdrawal> byBatch) {
        this.byBatch = Collections.unmodifiableMap(byBatch);
    }

    /** Every withdrawal recorded so far (none when the log does not exist). */
    public static Withdrawals read(Warehouse warehouse) {
        Path log = warehouse.withdrawalLog();
        var byBatch = new HashMap<Long, Withdrawal>();
        if (!Files.isRegularFile(log)) {
            return new Withdrawals(byBatch);
        }
        ObjectMapper mapper = new ObjectMapper();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Withdrawal withdrawal = fromJson(mapper.readTree(line));
                    byBatch.putIfAbsent(withdrawal.batchId(), withdrawal);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Skipping an unreadable line of {} (cut short by a crash?): {}", log, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the withdrawal log " + log + ": " + e.getMessage(), e);
        }
        return new Withdrawals(byBatch);
    }

    public Optional<Withdrawal> of(long batchId) {
        return Optional.ofNullable(byBatch.get(batchId));
    }

    public boolean contains(long batchId) {
        return byBatch.containsKey(batchId);
    }

    /** Appends one line and forces it (and, for a new log, its directory entry) to disk. Caller holds the lock. */
    static void append(Warehouse warehouse, Withdrawal withdrawal) throws IOException {
        Path log = warehouse.withdrawalLog();
        Files.createDirectories(log.getParent());
        boolean created = !Files.exists(log);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = mapper.createObjectNode();
        json.put("batch_id", withdrawal.batchId());
        json.put("withdrawn_by", withdrawal.by());
        json.put("withdrawn_at", withdrawal.at().toString());
        json.put("reason", withdrawal.reason());
        byte[] line = (mapper.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel =
                FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            long end = channel.size();
            if (end > 0 && !endsWithNewline(channel, end)) {
                // a line torn by a crash: end it, so this one stays readable on its own
                end += channel.write(ByteBuffer.wrap(new byte[] {'\n'}), end);
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                end += channel.write(buffer, end);
            }
            channel.force(true);
        }
        if (created) {
            forceDirectory(log.getParent());
        }
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory for syncing; the log line itself is already on disk
            LOG.debug("Cannot sync directory {}: {}", directory, e.getMessage());
        }
    }

    private static Withdrawal fromJson(JsonNode json) {
        return new Withdrawal(
                requireNonNull(json.get("batch_id"), "batch_id").asLong(),
                json.path("withdrawn_by").asText(),
                OffsetDateTime.parse(json.path("withdrawn_at").asText()),
                json.path("reason").asText());
    }
}
