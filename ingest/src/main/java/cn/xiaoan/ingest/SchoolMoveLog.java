package cn.xiaoan.ingest;

import cn.xiaoan.domain.DurableFiles;
import cn.xiaoan.domain.Warehouse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only log of school moves, {@link Warehouse#schoolMoves()}: one JSON object a line, oldest first. A new
 * move is written as the old bytes plus one line into a temporary file, fsynced, renamed over the log and the
 * directory fsynced, so a crash leaves the old log or the new one and never a torn line.
 */
public final class SchoolMoveLog {
    /** Never reconfigured after construction, so sharing it is safe (ObjectMapper is thread-safe once set up). */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchoolMoveLog() {}

    /** Every recorded move, oldest first; none when nothing was ever moved. */
    public static List<SchoolMove> read(Warehouse warehouse) {
        Path file = warehouse.schoolMoves();
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the school moves " + file + ": " + e.getMessage(), e);
        }
        var moves = new ArrayList<SchoolMove>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                moves.add(fromJson(MAPPER.readTree(line)));
            } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException e) {
                // Moves decide whose hazards are whose: a damaged entry must stop writers, not be skipped.
                throw new IllegalStateException(
                        "Cannot read the school moves " + file + ": line " + (i + 1) + " is not a move ("
                                + e.getMessage() + "); restore the file from a backup",
                        e);
            }
        }
        return moves;
    }

    /** Appends one move (the caller holds the writer lock): the old log plus the line, replacing it durably. */
    static void append(Warehouse warehouse, SchoolMove move) throws IOException {
        Path file = warehouse.schoolMoves();
        Files.createDirectories(file.getParent());
        byte[] old = Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
        byte[] line = (MAPPER.writeValueAsString(toJson(move)) + "\n").getBytes(StandardCharsets.UTF_8);
        DurableFiles.replace(file, out -> {
            out.write(old);
            out.write(line);
        });
    }

    private static ObjectNode toJson(SchoolMove move) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("sequence", move.sequence());
        node.put("school_code", move.schoolCode());
        node.put("school_name", move.schoolName());
        node.put("from_district", move.fromDistrict());
        node.put("to_district", move.toDistrict());
        node.put("effective_from", move.effectiveFrom().toString());
        node.put("reason", move.reason());
        node.put("moved_by", move.movedBy());
        node.put("moved_at", move.movedAt().toString());
        return node;
    }

    private static SchoolMove fromJson(JsonNode node) {
        return new SchoolMove(
                node.path("sequence").asLong(),
                text(node, "school_code"),
                text(node, "school_name"),
                text(node, "from_district"),
                text(node, "to_district"),
                LocalDate.parse(text(node, "effective_from")),
                text(node, "reason"),
                text(node, "moved_by"),
                OffsetDateTime.parse(text(node, "moved_at")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no text field " + field);
        }
        return value.asText();
    }
}
