package cn.xiaoan.analytics.sql;

import static java.util.Objects.requireNonNull;

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
import java.time.Instant;

/**
 * {@code logs/sql.jsonl} under the warehouse: one JSON line per analyst statement, run or refused (who, when, scope,
 * model version, statement, outcome, rows, truncated, ms). Each line is one append, so the server and command-line
 * runs can share the file.
 */
final class QueryLog {
    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    QueryLog(Path file) {
        this.file = requireNonNull(file, "file");
    }

    /** One line of the log; {@code outcome} is {@code ok} or a {@link SqlRejectedException.Reason} code. */
    record Entry(
            Instant at,
            String user,
            String scope,
            long modelVersion,
            String statement,
            String outcome,
            long rows,
            boolean truncated,
            long elapsedMillis) {}

    synchronized void append(Entry entry) {
        ObjectNode line = json.createObjectNode()
                .put("at", entry.at().toString())
                .put("user", entry.user())
                .put("scope", entry.scope())
                .put("model_version", entry.modelVersion())
                .put("statement", entry.statement())
                .put("outcome", entry.outcome())
                .put("rows", entry.rows())
                .put("truncated", entry.truncated())
                .put("ms", entry.elapsedMillis());
        try {
            Files.createDirectories(file.getParent());
            byte[] bytes = (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the SQL query log " + file, e);
        }
    }
}
