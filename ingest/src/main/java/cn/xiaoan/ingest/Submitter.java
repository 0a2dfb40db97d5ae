package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Who submits a file: recorded in the batch's manifest, and, for a district clerk, the only district whose schools
 * they may report for (rows for schools elsewhere are rejected with the reason).
 */
public record Submitter(String name, Optional<String> district) {
    /** The name recorded for files ingested from the command line. */
    public static final String COMMAND_LINE = "command-line";

    public Submitter {
        requireNonNull(name, "name");
        requireNonNull(district, "district");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Cannot create submitter: blank name");
        }
    }

    /** Someone at the warehouse's command line, who may report for the whole city. */
    public static Submitter commandLine() {
        return new Submitter(COMMAND_LINE, Optional.empty());
    }
}
