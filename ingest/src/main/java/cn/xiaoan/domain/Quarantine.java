package cn.xiaoan.domain;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes a batch whose manifest or Parquet part cannot be read out of the warehouse without deleting anything: its
 * manifest, raw directory and reject report move to {@code quarantine/batch-<id>/} with a {@code NOTE.txt} saying
 * which file was unreadable and why, so every other batch and command keeps working and an operator can inspect or
 * restore it. Only a holder of the write lock may move batches, hence the {@link WarehouseWrite} argument.
 */
public final class Quarantine {
    private static final Pattern QUARANTINED = Pattern.compile("batch-(\\d+)");
    private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private Quarantine() {}

    /**
     * Moves batch {@code batchId} into quarantine and returns the message to log or show (zh / en).
     *
     * @param unreadable the file that could not be read
     */
    public static String batch(WarehouseWrite write, long batchId, Path unreadable, String reason, Instant now)
            throws IOException {
        Warehouse warehouse = write.warehouse();
        Path target = warehouse.quarantine().resolve("batch-" + Warehouse.batchName(batchId));
        Files.createDirectories(target);
        var moved = new ArrayList<String>();
        move(warehouse.manifest(batchId), target, moved);
        for (Dataset dataset : Dataset.values()) {
            move(warehouse.rawBatch(dataset, batchId), target.resolve("raw-" + dataset.directory()), moved);
            move(warehouse.rejects(dataset, batchId), target, moved);
        }
        String message = "批次 " + batchId + " 已隔离：文件 " + unreadable + " 无法读取（" + reason + "），该批次不参与模型构建，其余批次不受影响；"
                + "已移至 " + target + " / batch " + batchId + " quarantined: " + unreadable + " is unreadable ("
                + reason + "); the batch is left out of the model, other batches are unaffected; moved to " + target;
        String note = message + "\n\nat " + now + "\nmoved: " + String.join(", ", moved)
                + "\nTo restore it after repair, move the files back (manifest/, raw/<dataset>/, rejects/<dataset>/).\n";
        DurableFiles.replace(target.resolve("NOTE.txt"), note.getBytes(StandardCharsets.UTF_8));
        DurableFiles.forceDirectory(warehouse.root());
        return message;
    }

    private static void move(Path source, Path directory, List<String> moved) throws IOException {
        if (!Files.exists(source)) {
            return;
        }
        Files.createDirectories(directory);
        Path target = directory.resolve(source.getFileName());
        if (Files.exists(target)) {
            target = directory.resolve(source.getFileName() + "." + System.nanoTime());
        }
        Files.move(source, target);
        moved.add(source.toString());
    }

    /** The highest batch id ever quarantined, so that a new batch never reuses its id. */
    public static OptionalLong highestBatchId(Warehouse warehouse) throws IOException {
        Path directory = warehouse.quarantine();
        if (!Files.isDirectory(directory)) {
            return OptionalLong.empty();
        }
        try (var entries = Files.list(directory)) {
            return entries.map(path -> QUARANTINED.matcher(path.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToLong(matcher -> Long.parseLong(matcher.group(1)))
                    .max();
        }
    }

    /**
     * A cheap check that a Parquet file is whole: the {@code PAR1} magic at both ends and a footer length that fits.
     * A part cut short by a crash or a disk fault fails it; returns why, or null when the file looks whole.
     */
    public static String parquetProblem(Path file) {
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            if (size < 12) {
                return "only " + size + " bytes, too short for Parquet";
            }
            byte[] head = new byte[4];
            in.readFully(head);
            in.seek(size - 8);
            byte[] tail = new byte[8];
            in.readFully(tail);
            long footer =
                    (tail[0] & 0xFFL) | (tail[1] & 0xFFL) << 8 | (tail[2] & 0xFFL) << 16 | (tail[3] & 0xFFL) << 24;
            boolean magic = java.util.Arrays.equals(head, PARQUET_MAGIC)
                    && java.util.Arrays.equals(java.util.Arrays.copyOfRange(tail, 4, 8), PARQUET_MAGIC);
            if (!magic) {
                return "no Parquet magic bytes (PAR1) at its start and end";
            }
            if (footer <= 0 || footer > size - 12) {
                return "Parquet footer length " + footer + " does not fit in " + size + " bytes";
            }
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
