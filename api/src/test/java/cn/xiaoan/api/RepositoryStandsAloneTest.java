package cn.xiaoan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clone of the repository is all a reader has: no text may point to documents outside it. The phrases are built
 * from parts so that this file does not match itself.
 */
class RepositoryStandsAloneTest {
    private static final List<String> OUTSIDE_POINTERS =
            List.of(".." + "/shared", "shared" + "/docs", "slice" + " brief");
    /** Build output, version control and the git-ignored generated data: not the repository's text. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", ".idea", ".vscode", "node_modules");

    private static final Set<String> SKIPPED_ROOT_PATHS =
            Set.of("data/warehouse", "data/demo", "data/bench", "data/logs");
    private static final long MAX_TEXT_BYTES = 8L * 1024 * 1024;

    @Test
    void noTextFileOfTheRepositoryPointsOutsideIt() throws IOException {
        Path root = repositoryRoot(Path.of("").toAbsolutePath());
        var scanned = new ArrayList<Path>();

        List<String> mentions = outsidePointers(root, scanned);

        assertThat(scanned).contains(root.resolve("README.md"), root.resolve("docs/FIGURES.md"));
        assertThat(mentions).as("lines pointing outside the repository").isEmpty();
    }

    @Test
    void reportsEveryMentionButSkipsBuildOutputAndBinaries(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.writeString(root.resolve("README.md"), "Figures follow ../" + "shared" + "/docs/X.md\n");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/NOTES.md"), "fine\nas the Slice" + " Brief says\n");
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("target/copy.md"), "../" + "shared");
        Files.createDirectories(root.resolve("data/warehouse"));
        Files.writeString(root.resolve("data/warehouse/log.txt"), "../" + "shared");
        Files.write(root.resolve("docs/chart.png"), ("\0PNG ../" + "shared").getBytes(StandardCharsets.UTF_8));

        List<String> mentions = outsidePointers(repositoryRoot(root.resolve("docs")), new ArrayList<>());

        assertThat(mentions)
                .containsExactlyInAnyOrder(
                        "README.md:1: Figures follow ../" + "shared" + "/docs/X.md",
                        "docs/NOTES.md:2: as the Slice" + " Brief says");
    }

    /** The nearest directory at or above {@code start} with a pom.xml and a .git or README.md. */
    private static Path repositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))
                    && (Files.exists(dir.resolve(".git")) || Files.isRegularFile(dir.resolve("README.md")))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the repository root above " + start);
    }

    /** Every line of a text file under {@code root} that mentions an outside pointer, as {@code path:line: text}. */
    private static List<String> outsidePointers(Path root, List<Path> scanned) throws IOException {
        var mentions = new ArrayList<String>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String relative = root.relativize(dir).toString().replace('\\', '/');
                boolean skipped = SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                        || SKIPPED_ROOT_PATHS.contains(relative);
                return !dir.equals(root) && skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && attributes.size() <= MAX_TEXT_BYTES) {
                    textLines(file).ifPresent(lines -> {
                        scanned.add(file);
                        for (int i = 0; i < lines.size(); i++) {
                            String lower = lines.get(i).toLowerCase(Locale.ROOT);
                            if (OUTSIDE_POINTERS.stream().anyMatch(lower::contains)) {
                                mentions.add(root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1) + ": "
                                        + lines.get(i).strip());
                            }
                        }
                    });
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return mentions;
    }

    /** The file's lines, or empty when it is binary (a NUL byte) or not UTF-8. */
    private static Optional<List<String>> textLines(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readAllBytes();
            for (byte b : bytes) {
                if (b == 0) {
                    return Optional.empty();
                }
            }
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return Optional.of(text.lines().toList());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
