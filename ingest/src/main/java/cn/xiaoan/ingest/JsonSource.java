package cn.xiaoan.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A top-level JSON array of objects, or JSON Lines (one object per line). The first row returned is a synthetic
 * header of the first object's keys; later rows are aligned to the keys seen so far, and a key first seen later is
 * announced to the {@link #onNewColumn} listener. A JSON Lines line that is not an object, or is longer than {@link
 * #MAX_LINE_CHARS}, becomes a row error, so one bad line does not cost the good ones (nor the heap).
 */
final class JsonSource implements RowSource {
    private final String fileName;
    private final ObjectMapper mapper;
    private final BufferedReader reader;
    /** A JSON Lines line longer than this (1 MiB of ASCII) is a rejected row, skipped without being kept. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private final JsonParser arrayParser;
    private final BoundedLineReader lines;
    private final List<String> keys = new ArrayList<>();
    private final Map<String, Integer> positionOfKey = new HashMap<>();
    private Consumer<String> listener = key -> {};
    private JsonNode first;
    private boolean headerSent;
    private int headerWidth;
    private int rowNumber;
    private int itemNumber;
    private String rowError;

    /** Reads {@code in}, which is closed with this source. */
    JsonSource(InputStream in, String fileName, ObjectMapper mapper) throws IOException {
        this.fileName = fileName;
        this.mapper = mapper;
        this.reader = new BufferedReader(new MixedEncodingReader(in), 1 << 16);
        reader.mark(4);
        int c = reader.read();
        if (c != '\uFEFF') {
            reader.reset();
        }
        int firstChar = skipSpaceAndPeek();
        if (firstChar == '[') {
            arrayParser = mapper.createParser(reader);
            // The file is closed with this source, not at the end of the array: its hash is still being taken.
            arrayParser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            try {
                arrayParser.nextToken();
            } catch (JsonProcessingException e) {
                throw invalid(e);
            }
            lines = null;
        } else {
            arrayParser = null;
            lines = new BoundedLineReader(reader, MAX_LINE_CHARS);
        }
        first = readItem();
        if (first != null && rowError != null) {
            throw new UnreadableFileException("Cannot read " + fileName + ": its first item is not a JSON object ("
                    + rowError + "); expected a JSON array of objects or JSON Lines, one object per line");
        }
    }

    private int skipSpaceAndPeek() throws IOException {
        while (true) {
            reader.mark(1);
            int c = reader.read();
            if (c < 0) {
                return -1;
            }
            if (!Character.isWhitespace(c)) {
                reader.reset();
                return c;
            }
        }
    }

    private UnreadableFileException invalid(JsonProcessingException e) {
        var location = e.getLocation();
        String where =
                location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new UnreadableFileException(
                "Cannot read " + fileName + ": it is not valid JSON" + where + " (" + e.getOriginalMessage()
                        + "); fix the file or export it again as a JSON array of objects or JSON Lines");
    }

    /** The next object, or null at the end; sets {@link #rowError} for an item that is not an object. */
    private JsonNode readItem() throws IOException {
        rowError = null;
        if (arrayParser != null) {
            try {
                JsonToken token = arrayParser.nextToken();
                if (token == null || token == JsonToken.END_ARRAY) {
                    return null;
                }
                itemNumber++;
                JsonNode node = mapper.readTree(arrayParser);
                if (!node.isObject()) {
                    rowError = "数组第 " + itemNumber + " 项不是对象 / item " + itemNumber + " is not an object";
                }
                return node;
            } catch (JsonProcessingException e) {
                throw invalid(e);
            }
        }
        String line;
        while ((line = lines.readLine()) != null) {
            itemNumber++;
            if (lines.tooLong()) {
                rowError =
                        "第 " + itemNumber + " 行长达 " + lines.length() + " 个字符，超过每行上限 " + MAX_LINE_CHARS + "（1 MiB），已跳过"
                                + " / line " + itemNumber + " has " + lines.length() + " characters, more than the "
                                + MAX_LINE_CHARS + " (1 MiB) a line may have; skipped";
                return mapper.nullNode();
            }
            if (Text.isBlank(line)) {
                continue;
            }
            try {
                JsonNode node = mapper.readTree(line);
                if (node == null || !node.isObject()) {
                    rowError = "第 " + itemNumber + " 行不是 JSON 对象 / line " + itemNumber + " is not a JSON object";
                    return mapper.nullNode();
                }
                return node;
            } catch (JsonProcessingException e) {
                rowError = "第 " + itemNumber + " 行不是有效的 JSON / line " + itemNumber + " is not valid JSON: "
                        + e.getOriginalMessage();
                return mapper.nullNode();
            }
        }
        return null;
    }

    @Override
    public String[] next() throws IOException {
        if (!headerSent) {
            headerSent = true;
            if (first == null) {
                return null;
            }
            first.fieldNames().forEachRemaining(this::learn);
            headerWidth = keys.size();
            rowNumber = 0;
            return keys.toArray(new String[0]);
        }
        JsonNode node;
        if (first != null) {
            node = first;
            first = null;
        } else {
            node = readItem();
        }
        if (node == null) {
            return null;
        }
        rowNumber = itemNumber;
        if (rowError != null || !node.isObject()) {
            return new String[0];
        }
        String[] cells = new String[keys.size()];
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Integer position = positionOfKey.get(field.getKey());
            if (position == null) {
                learn(field.getKey());
                listener.accept(field.getKey());
                position = keys.size() - 1;
                cells = java.util.Arrays.copyOf(cells, keys.size());
            }
            cells[position] = text(field.getValue());
        }
        return cells;
    }

    private void learn(String key) {
        positionOfKey.put(key, keys.size());
        keys.add(key);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return value.toString();
    }

    @Override
    public String rowError() {
        return rowError;
    }

    @Override
    public void onNewColumn(Consumer<String> listener) {
        this.listener = listener;
        // Keys met while the caller was still looking for the header are announced now, in order.
        for (int i = headerWidth; i < keys.size(); i++) {
            listener.accept(keys.get(i));
        }
    }

    @Override
    public int rowNumber() {
        return rowNumber;
    }

    @Override
    public String sheet() {
        return "";
    }

    @Override
    public void close() throws IOException {
        if (arrayParser != null) {
            arrayParser.close();
        }
        reader.close();
    }
}
