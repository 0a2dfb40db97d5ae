package cn.xiaoan.ingest;

import cn.xiaoan.domain.DurableFiles;
import cn.xiaoan.domain.SpreadsheetText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The reject report of one batch: UTF-8 with a BOM so that Excel opens it with the right encoding, one line per
 * problem (a row with three problems has three lines), its reason also as a {@link RejectReason} code (last, so a
 * report written before codes existed reads the same). Every text cell that starts like a formula is written with a
 * leading apostrophe ({@link SpreadsheetText}): file and sheet names, values and reasons all come from the clerk's
 * file. Written under a dot-name and renamed on commit; no file at
 * all when nothing was rejected.
 */
final class RejectWriter implements AutoCloseable {
    static final String HEADER = "file,sheet,row,column,value,reason_zh,reason_en,reason_code";

    private final Path target;
    private final Path temporary;
    private final String fileName;
    private BufferedWriter writer;

    RejectWriter(Path target, String fileName) {
        this.target = target;
        this.temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        this.fileName = fileName;
    }

    void write(String sheet, int row, Problem problem) throws IOException {
        if (writer == null) {
            Files.createDirectories(target.getParent());
            writer = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8), 1 << 16);
            writer.write('\uFEFF');
            writer.write(HEADER);
            writer.write("\r\n");
        }
        field(SpreadsheetText.defused(fileName));
        writer.write(',');
        field(SpreadsheetText.defused(sheet));
        writer.write(',');
        writer.write(Integer.toString(row));
        writer.write(',');
        field(SpreadsheetText.defused(problem.column()));
        writer.write(',');
        field(SpreadsheetText.defused(problem.value()));
        writer.write(',');
        field(SpreadsheetText.defused(problem.reasonZh()));
        writer.write(',');
        field(SpreadsheetText.defused(problem.reasonEn()));
        writer.write(',');
        writer.write(problem.reason().name());
        writer.write("\r\n");
    }

    private void field(String value) throws IOException {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            writer.write(value);
            return;
        }
        writer.write('"');
        writer.write(value.replace("\"", "\"\""));
        writer.write('"');
    }

    /** Moves the report into place; empty when nothing was rejected. */
    Optional<Path> commit() throws IOException {
        if (writer == null) {
            return Optional.empty();
        }
        writer.close();
        writer = null;
        DurableFiles.publish(temporary, target);
        return Optional.of(target);
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        Files.deleteIfExists(temporary);
    }
}
