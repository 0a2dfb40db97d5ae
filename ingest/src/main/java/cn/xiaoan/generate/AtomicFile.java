package cn.xiaoan.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A file written under a hidden temporary name ({@code .name.tmp}) and renamed atomically once complete. */
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
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void abort() throws IOException {
        Files.deleteIfExists(temporary);
    }
}
