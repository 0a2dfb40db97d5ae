package cn.xiaoan.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Publishing writes that survive a crash or a power cut: the content is written under a hidden temporary name and
 * forced to disk, renamed atomically onto its final name, and the directory holding that name is forced too. A reader
 * (or the next run after a {@code kill -9}) therefore sees the old file or the complete new one, never a torn one, and a
 * rename that has been reported done is not undone by a power cut. Every publishing rename of the warehouse goes
 * through here.
 */
public final class DurableFiles {
    private DurableFiles() {}

    /** Writes content into an output stream; the stream is closed by the caller. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces {@code target} with {@code bytes} in one step. */
    public static void replace(Path target, byte[] bytes) throws IOException {
        replace(target, out -> out.write(bytes));
    }

    /** Replaces {@code target} with what {@code content} writes, in one step; a failed write leaves no temporary. */
    public static void replace(Path target, Content content) throws IOException {
        Path temporary = temporarySibling(target);
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW)) {
                content.writeTo(out);
            }
            publish(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Renames a finished file or directory (a staging directory of Parquet parts, a written report) onto
     * {@code target}: forces every file in it and the directories themselves first, then renames atomically
     * (replacing a file, never a non-empty directory) and forces the parent of the target.
     */
    public static void publish(Path staged, Path target) throws IOException {
        force(staged);
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(target.getParent());
    }

    /** A hidden, unique name beside {@code target} ({@code .name.<uuid>.tmp}) that cleanup passes recognise. */
    public static Path temporarySibling(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    /** Forces a file, or every file and directory under a directory, to disk. */
    public static void force(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            forceFile(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    forceFile(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                forceDirectory(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Forces a directory's entries (names created, renamed or removed in it) to disk. */
    public static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void forceFile(Path file) throws IOException {
        if (file.getFileName().toString().equals(Warehouse.LOCK_FILE_NAME)) {
            return; // closing a channel of the lock file would release this process's lock on it
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
