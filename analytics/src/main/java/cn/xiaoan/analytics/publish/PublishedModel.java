package cn.xiaoan.analytics.publish;

import cn.xiaoan.domain.DurableFiles;
import cn.xiaoan.domain.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads and replaces {@code model/CURRENT}, the pointer to the published model version. */
public final class PublishedModel {
    private static final Pattern VERSION_DIRECTORY = Pattern.compile("v=(\\d+)");

    private PublishedModel() {}

    /** The published version number, if a model was ever published. */
    public static OptionalLong currentVersion(Warehouse warehouse) {
        Path pointer = warehouse.currentModelPointer();
        String text;
        try {
            text = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pointer, e);
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Cannot read " + pointer + ": \"" + text
                    + "\" is not a model version; rebuild the model with bin/xiaoan build");
        }
    }

    /** The manifest of the published version, if any. */
    static Optional<BuildManifest> current(Warehouse warehouse) {
        OptionalLong version = currentVersion(warehouse);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                BuildManifest.read(warehouse.model(version.getAsLong()).resolve(BuildManifest.FILE_NAME)));
    }

    /** One more than the highest version present, published or not, so a version number is never reused. */
    public static long nextVersion(Warehouse warehouse) {
        long highest = currentVersion(warehouse).orElse(0);
        if (Files.isDirectory(warehouse.models())) {
            try (Stream<Path> entries = Files.list(warehouse.models())) {
                highest = Math.max(
                        highest,
                        entries.map(path -> VERSION_DIRECTORY.matcher(
                                        path.getFileName().toString()))
                                .filter(java.util.regex.Matcher::matches)
                                .mapToLong(matcher -> Long.parseLong(matcher.group(1)))
                                .max()
                                .orElse(0));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + warehouse.models(), e);
            }
        }
        return highest + 1;
    }

    /** Points CURRENT at a version: a temporary file forced to disk, an atomic rename over the old one, the directory forced. */
    public static void publish(Warehouse warehouse, long version) {
        Path pointer = warehouse.currentModelPointer();
        try {
            DurableFiles.replace(pointer, (version + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish model version " + version + " in " + pointer, e);
        }
    }
}
