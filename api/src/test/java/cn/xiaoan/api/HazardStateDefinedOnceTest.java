package cn.xiaoan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hazard-state predicates, the risk weights and the campaign baseline have one definition each
 * (analytics/src/main/resources/sql/dialect/functions.sql, and the primary campaign file for the date); every other query
 * calls them. A copy written out by hand anywhere else fails here. The generator (ingest) is not scanned: it models the
 * demo data's own history and cannot depend on analytics.
 */
class HazardStateDefinedOnceTest {
    private static final String FUNCTIONS = "analytics/src/main/resources/sql/dialect/functions.sql";
    /** The primary campaign's file: its baseline is the one campaign_baseline() and Campaign.BASELINE read. */
    private static final String CAMPAIGN = "data/campaigns/004-xinzhou-three-year.yaml";

    /** Spelled-out copies in SQL (comments are words, not code, and are left out). */
    private static final Map<String, Pattern> SQL_COPIES = Map.of(
            "the open predicate (use is_open_at)",
            Pattern.compile(
                    "rectified_date\\s+IS\\s+NULL\\s+OR\\s+[\\w.]*rectified_date\\s*>", Pattern.CASE_INSENSITIVE),
            "the overdue predicate (use is_overdue_at)",
            Pattern.compile("deadline\\s*<\\s*[^=\\s]", Pattern.CASE_INSENSITIVE),
            "a risk weight (use risk_weight)",
            Pattern.compile("'MAJOR'\\s+THEN\\s+5\\b|\\b1\\s*\\+\\s*4\\s*\\*", Pattern.CASE_INSENSITIVE));

    /** The baseline date, in SQL, Java, JavaScript or HTML. */
    private static final Pattern BASELINE =
            Pattern.compile("2024-01-01|LocalDate\\.of\\(\\s*2024\\s*,\\s*1\\s*,\\s*1\\s*\\)");

    @Test
    void predicatesWeightsAndBaselineAreWrittenOnlyInTheirDefinitions() {
        Path root = repositoryRoot(Path.of("").toAbsolutePath());

        List<String> copies = copies(root);

        assertThat(copies).as("hand-written copies of a definition").isEmpty();
        assertThat(read(root.resolve(FUNCTIONS))).contains("FUNCTION is_open_at", "FUNCTION risk_weight");
        assertThat(read(root.resolve(CAMPAIGN))).containsPattern(BASELINE);
    }

    @Test
    void findsACopyInSqlJavaAndJavaScriptButNotInComments(@TempDir Path root) throws IOException {
        write(
                root.resolve(FUNCTIONS),
                "FUNCTION is_open_at(...) RETURNS BOOLEAN AS"
                        + " found_date <= as_of AND (rectified_date IS NULL OR rectified_date > as_of);");
        write(root.resolve(CAMPAIGN), "LocalDate BASELINE = LocalDate.of(2024, 1, 1);");
        write(
                root.resolve("analytics/src/main/resources/sql/drill/copy.sql"),
                "-- open: rectified_date IS NULL OR rectified_date > D, deadline < D, since 2024-01-01\n"
                        + "SELECT 1 FROM h WHERE h.found_date <= :as_of\n"
                        + "    AND (h.rectified_date IS NULL OR h.rectified_date >= :d) AND h.deadline < :as_of\n"
                        + "    AND h.found_date < DATE '2024-01-01' AND (1 + 4 * is_major) > 0");
        write(root.resolve("api/src/main/java/A.java"), "var start = LocalDate.of(2024, 1, 1);");
        write(root.resolve("dashboards/src/main/resources/dashboards/js/a.js"), "from: '2024-01-01',");

        assertThat(copies(root))
                .containsExactlyInAnyOrder(
                        "analytics/src/main/resources/sql/drill/copy.sql: the open predicate (use is_open_at)",
                        "analytics/src/main/resources/sql/drill/copy.sql: the overdue predicate (use is_overdue_at)",
                        "analytics/src/main/resources/sql/drill/copy.sql: a risk weight (use risk_weight)",
                        "analytics/src/main/resources/sql/drill/copy.sql: the campaign baseline (use campaign_baseline()"
                                + " or Campaign.BASELINE)",
                        "api/src/main/java/A.java: the campaign baseline (use campaign_baseline() or"
                                + " Campaign.BASELINE)",
                        "dashboards/src/main/resources/dashboards/js/a.js: the campaign baseline (use"
                                + " campaign_baseline() or Campaign.BASELINE)");
    }

    private static List<String> copies(Path root) {
        var copies = new ArrayList<String>();
        for (String module : List.of("analytics", "api", "dashboards")) {
            Path main = root.resolve(module).resolve("src/main");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> {
                    String path = root.relativize(file).toString().replace('\\', '/');
                    String name = file.getFileName().toString();
                    if (name.endsWith(".sql") && !path.equals(FUNCTIONS)) {
                        String code = withoutLineComments(read(file));
                        SQL_COPIES.forEach((what, pattern) -> {
                            if (pattern.matcher(code).find()) {
                                copies.add(path + ": " + what);
                            }
                        });
                    }
                    boolean source = name.endsWith(".sql")
                            || name.endsWith(".java")
                            || name.endsWith(".js")
                            || name.endsWith(".html");
                    String text = name.endsWith(".sql") ? withoutLineComments(read(file)) : source ? read(file) : "";
                    if (source
                            && !path.equals(CAMPAIGN)
                            && BASELINE.matcher(text).find()) {
                        copies.add(path + ": the campaign baseline (use campaign_baseline() or Campaign.BASELINE)");
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return copies;
    }

    private static String withoutLineComments(String sql) {
        return sql.lines()
                .map(line -> line.contains("--") ? line.substring(0, line.indexOf("--")) : line)
                .reduce("", (a, b) -> a + "\n" + b);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** The nearest directory at or above {@code start} with a pom.xml and the analytics module. */
    private static Path repositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("analytics"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the repository root above " + start);
    }
}
