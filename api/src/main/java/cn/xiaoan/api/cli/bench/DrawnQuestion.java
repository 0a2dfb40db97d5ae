package cn.xiaoan.api.cli.bench;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** One dashboard request drawn by {@link QuestionDrawer}: its route, its path with the query string, its as-of date. */
record DrawnQuestion(QuestionRoute route, String path, LocalDate asOf) {
    DrawnQuestion {
        requireNonNull(route, "route");
        requireNonNull(asOf, "asOf");
        if (!path.startsWith("/api/v1/")) {
            throw new IllegalArgumentException("Not an API path: " + path);
        }
    }
}
