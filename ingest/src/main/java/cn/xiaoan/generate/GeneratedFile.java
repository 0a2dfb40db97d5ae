package cn.xiaoan.generate;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Dataset;
import java.nio.file.Path;
import java.time.LocalDate;

/** One file the generator wrote; {@code reportDate} is null for data that is not a snapshot. */
public record GeneratedFile(Dataset dataset, OutputFormat format, Path path, LocalDate reportDate, long rows) {
    public GeneratedFile {
        requireNonNull(dataset, "dataset");
        requireNonNull(format, "format");
        requireNonNull(path, "path");
        if (rows < 0) {
            throw new IllegalArgumentException("Cannot describe generated file " + path + ": negative rows " + rows);
        }
    }
}
