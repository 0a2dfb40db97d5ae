package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Dataset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One file to ingest into one dataset; {@code originalFileName} is the name the clerk uploaded (the file may sit
 * under a temporary name), {@code reportDate} overrides the file's 填报日期, and {@code submitter} says who sends it
 * and for which district.
 */
public record IngestRequest(
        Dataset dataset, Path file, String originalFileName, Optional<LocalDate> reportDate, Submitter submitter) {
    public IngestRequest {
        requireNonNull(dataset, "dataset");
        requireNonNull(file, "file");
        requireNonNull(originalFileName, "originalFileName");
        requireNonNull(reportDate, "reportDate");
        requireNonNull(submitter, "submitter");
        if (originalFileName.isBlank()) {
            throw new IllegalArgumentException("Cannot create ingest request: blank original file name for " + file);
        }
    }

    /** A request from the command line. */
    public IngestRequest(Dataset dataset, Path file, String originalFileName, Optional<LocalDate> reportDate) {
        this(dataset, file, originalFileName, reportDate, Submitter.commandLine());
    }

    /** A request for a file known by its own name, with the report date taken from the file or the clock. */
    public static IngestRequest of(Dataset dataset, Path file) {
        return new IngestRequest(dataset, file, file.getFileName().toString(), Optional.empty());
    }
}
