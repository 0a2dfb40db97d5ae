package cn.xiaoan.generate;

import cn.xiaoan.domain.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file written under a hidden temporary name ({@code .name.tmp}), forced to disk and renamed atomically once complete. */
final class AtomicFile {
    private final Path target;
    private final Path temporary;

    AtomicFile(Path target) {
        this.target = target;
        this.temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    Path target() {
        return target;
    }

    Path temporary() {
        return temporary;
    }

    void commit() throws IOException {
        DurableFiles.publish(temporary, target);
    }

    void abort() throws IOException {
        Files.deleteIfExists(temporary);
    }
}
