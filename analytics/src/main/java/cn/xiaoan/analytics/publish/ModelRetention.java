package cn.xiaoan.analytics.publish;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.LockWait;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.domain.WarehouseLocks;
import cn.xiaoan.domain.WarehouseWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which model versions a warehouse keeps, and removing the rest: the published version, the {@code keep} versions
 * before it, every version a report pinned ({@code model/pins/v=<n>/}) and every version a running analyst query
 * reads in this process. Everything else goes, its district extracts ({@code scopes/v=<n>/}) included, and so do
 * versions above the published one (a build that died between renaming its version into place and publishing it).
 * Removing runs under the warehouse write lock (after each publish, or {@code xiaoan gc}); planning reads only.
 */
public final class ModelRetention {
    /** Versions kept before the published one unless configured otherwise. */
    public static final int DEFAULT_KEEP = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ModelRetention.class);
    private static final Pattern VERSION = Pattern.compile("v=(\\d+)");

    private final Warehouse warehouse;
    private final int keep;
    private final Supplier<Set<Long>> inUse;

    /** {@code inUse}: the versions open queries of this process read (e.g. the analyst SQL instances). */
    public ModelRetention(Warehouse warehouse, int keep, Supplier<Set<Long>> inUse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.inUse = requireNonNull(inUse, "inUse");
        if (keep < 0) {
            throw new IllegalArgumentException("Cannot keep " + keep + " previous model versions: give 0 or more");
        }
        this.keep = keep;
    }

    public ModelRetention(Warehouse warehouse, int keep) {
        this(warehouse, keep, Set::of);
    }

    public int keep() {
        return keep;
    }

    /** A directory to remove, its size and why it goes. */
    public record Removal(Path path, long bytes, String reason) {}

    /** What a pass keeps and removes. */
    public record Plan(OptionalLong published, SortedSet<Long> kept, List<Removal> removals) {
        public long bytes() {
            return removals.stream().mapToLong(Removal::bytes).sum();
        }
    }

    /** What {@link #collect()} would remove now. */
    public Plan plan() {
        OptionalLong published = PublishedModel.currentVersion(warehouse);
        var kept = new TreeSet<Long>();
        var removals = new ArrayList<Removal>();
        if (published.isEmpty()) {
            return new Plan(published, kept, removals); // nothing is published: nothing is known to be old
        }
        long current = published.getAsLong();
        SortedSet<Long> models = versions(warehouse.models());
        kept.add(current);
        models.headSet(current).stream()
                .sorted(Comparator.reverseOrder())
                .limit(keep)
                .forEach(kept::add);
        kept.addAll(ModelPins.pinnedVersions(warehouse));
        kept.addAll(inUse.get());
        for (long version : models) {
            if (!kept.contains(version)) {
                Path directory = warehouse.model(version);
                removals.add(new Removal(
                        directory,
                        size(directory),
                        version > current ? "never published (an interrupted build)" : "older than the kept ones"));
            }
        }
        for (long version : versions(warehouse.scopes())) {
            if (!kept.contains(version)) {
                Path directory = warehouse.scopes().resolve("v=" + version);
                removals.add(new Removal(directory, size(directory), "district extracts of a removed version"));
            }
        }
        kept.retainAll(models);
        return new Plan(published, kept, removals);
    }

    /** Staging directories, spill directories and pointer files of builds killed before they finished. */
    public static void removeBuildLeftovers(WarehouseWrite write) {
        Warehouse warehouse = write.warehouse();
        if (!Files.isDirectory(warehouse.models())) {
            return;
        }
        try (Stream<Path> entries = Files.list(warehouse.models())) {
            for (Path path : entries.toList()) {
                String name = path.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    LOG.info("Removing {}, left by an interrupted build", path);
                    deleteRecursively(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + warehouse.models(), e);
        }
    }

    /** Takes the write lock (waiting as {@code locks} do), removes build leftovers, then what {@link #plan()} lists. */
    public Plan collect(WarehouseLocks locks, LockWait lockWait) {
        try (WarehouseWrite write = locks.acquire(warehouse, "gc", lockWait)) {
            removeBuildLeftovers(write);
            return collect(write);
        }
    }

    /** Removes what {@link #plan()} lists, under the held write lock {@code write}. */
    public Plan collect(WarehouseWrite write) {
        if (!write.warehouse().equals(warehouse)) {
            throw new IllegalArgumentException(
                    "The lock held is for " + write.warehouse().root() + ", not " + warehouse.root());
        }
        Plan plan = plan();
        for (Removal removal : plan.removals()) {
            deleteRecursively(removal.path());
        }
        return plan;
    }

    public static SortedSet<Long> versions(Path directory) {
        var versions = new TreeSet<Long>();
        if (!Files.isDirectory(directory)) {
            return versions;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(Files::isDirectory)
                    .map(path -> VERSION.matcher(path.getFileName().toString()))
                    .filter(Matcher::matches)
                    .forEach(matcher -> versions.add(Long.parseLong(matcher.group(1))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
        return versions;
    }

    private static long size(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile)
                    .mapToLong(path -> path.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot measure " + directory, e);
        }
    }

    public static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + directory + ": " + e.getMessage(), e);
        }
    }
}
