package cn.xiaoan.analytics.publish;

import cn.xiaoan.domain.DurableFiles;
import cn.xiaoan.domain.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SortedSet;
import java.util.stream.Stream;

/**
 * Pins that keep a model version from {@link ModelRetention}: a report written by {@code xiaoan report} names the
 * version its figures come from, and its pin ({@code model/pins/v=<n>/<report file name>.pin}) keeps that version so
 * the report can be checked against it later; a DuckDB export whose views read the version's Parquet pins it the
 * same way. A name pins one version at a time: pinning it again (a report or export written anew) moves the pin.
 * Deleting the pin file releases the version.
 */
public final class ModelPins {
    private ModelPins() {}

    /** Pins {@code version} for {@code what} (a file); pinning the same name again moves the pin. */
    public static Path pin(Warehouse warehouse, long version, String what, Instant now) {
        Path directory = warehouse.pins().resolve("v=" + version);
        String safe = what.replaceAll("[/\\\\\\x00-\\x1f]", "_");
        if (safe.length() > 80) { // file names are limited to 255 bytes; keep the end, which names the file
            safe = Integer.toHexString(safe.hashCode()) + "-" + safe.substring(safe.length() - 60);
        }
        String name = safe + ".pin";
        Path pin = directory.resolve(name);
        try {
            for (long other : ModelRetention.versions(warehouse.pins())) {
                if (other != version) {
                    Files.deleteIfExists(warehouse.pins().resolve("v=" + other).resolve(name));
                }
            }
            Files.createDirectories(directory);
            DurableFiles.replace(pin, ("pinned " + now + " by " + what + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pin model version " + version + " in " + pin, e);
        }
        return pin;
    }

    /** The versions at least one pin keeps. */
    static SortedSet<Long> pinnedVersions(Warehouse warehouse) {
        SortedSet<Long> versions = ModelRetention.versions(warehouse.pins());
        versions.removeIf(version -> !hasPins(warehouse.pins().resolve("v=" + version)));
        return versions;
    }

    private static boolean hasPins(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.anyMatch(path -> path.getFileName().toString().endsWith(".pin"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }
}
