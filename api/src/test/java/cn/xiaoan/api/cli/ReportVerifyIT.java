package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.fixture.TwoDistrictModel;
import cn.xiaoan.api.XiaoanCommand;
import cn.xiaoan.domain.Warehouse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports carry their stamp, come out byte-identical when written again from it, and {@code report verify} recomputes
 * them: equal for a fresh report, each hand-edited number listed at its place, a file without a stamp refused.
 */
class ReportVerifyIT {
    private final Components components = Components.fromEnvironment(Map.of());

    @TempDir
    Path root;

    private String dir;

    private record Run(int exit, String out, String err) {}

    @BeforeEach
    void model() {
        dir = TwoDistrictModel.build(new Warehouse(root.resolve("warehouse")))
                .root()
                .toString();
    }

    private Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path report(String name, String... args) {
        Path file = root.resolve(name);
        var all = Stream.concat(Stream.of("report"), Stream.of(args)).toList();
        var withOut = new java.util.ArrayList<>(all);
        withOut.addAll(java.util.List.of("--out", file.toString(), "--warehouse", dir));
        Run run = run(withOut.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        return file;
    }

    @Test
    void aReportWrittenAgainFromTheSameStampIsByteIdentical() throws Exception {
        Path first = report("first.docx", "annual", "--year", "2026");
        Path firstBook = report("first.xlsx", "monthly", "--month", "2026-06");
        Thread.sleep(2_100); // past the zip format's two-second clock and POI's creation time
        Path second = report("second.docx", "annual", "--year", "2026");
        Path secondBook = report("second.xlsx", "monthly", "--month", "2026-06");

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        assertThat(Files.mismatch(firstBook, secondBook)).isEqualTo(-1L);
        try (var doc = new XWPFDocument(Files.newInputStream(first))) {
            var custom = doc.getProperties().getCustomProperties();
            assertThat(custom.getProperty("xiaoan.modelVersion").getLpwstr()).isEqualTo("1");
            assertThat(custom.getProperty("xiaoan.kind").getLpwstr()).isEqualTo("annual");
            assertThat(custom.getProperty("xiaoan.year").getLpwstr()).isEqualTo("2026");
            assertThat(custom.getProperty("xiaoan.format").getLpwstr()).isEqualTo("docx");
            assertThat(custom.getProperty("xiaoan.knownAt").getLpwstr()).isEmpty();
        }
    }

    @Test
    void aFreshReportVerifiesEqualInBothFormats() {
        Path docx = report("年报.docx", "annual", "--year", "2026");
        Path xlsx = report("月报.xlsx", "monthly", "--month", "2026-06");

        Run word = run("report", "verify", docx.toString(), "--warehouse", dir);
        Run excel = run("report", "verify", xlsx.toString(), "--warehouse", dir);

        assertThat(word.exit()).as(word.err()).isZero();
        assertThat(word.out()).contains("equal").contains("model version 1");
        assertThat(excel.exit()).as(excel.err()).isZero();
        assertThat(excel.out()).contains("equal");
    }

    @Test
    void aNumberEditedByHandInTheDocumentIsListedWithItsPlace() throws IOException {
        Path docx = report("年报.docx", "annual", "--year", "2026");
        Path edited = root.resolve("edited.docx");
        var replaced = new String[2];
        Files.write(edited, rewriteEntry(Files.readAllBytes(docx), "word/document.xml", xml -> {
            // the first table cell holding a bare count
            Matcher cell = Pattern.compile("<w:tc>.*?<w:t>(\\d+)</w:t>").matcher(xml);
            assertThat(cell.find()).isTrue();
            replaced[0] = cell.group(1);
            replaced[1] = Long.toString(Long.parseLong(cell.group(1)) + 7);
            return xml.substring(0, cell.start(1)) + replaced[1] + xml.substring(cell.end(1));
        }));

        Run run = run("report", "verify", edited.toString(), "--warehouse", dir);

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("1 differences")
                .containsPattern("table \\d+, row \\d+, cell \\d+.*printed \\[[^]]*" + replaced[1]
                        + "[^]]*\\].*recomputed \\[[^]]*" + replaced[0]);
    }

    @Test
    void aCellEditedByHandInTheWorkbookIsListedWithItsSheetAndCell() throws IOException {
        Path xlsx = report("月报.xlsx", "monthly", "--month", "2026-06");
        String where;
        double before;
        Path edited = root.resolve("edited.xlsx");
        try (var workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Cell cell = null;
            for (var row : workbook.getSheetAt(0)) {
                for (Cell candidate : row) {
                    if (cell == null && candidate.getCellType() == CellType.NUMERIC) {
                        cell = candidate;
                    }
                }
            }
            assertThat(cell).isNotNull();
            where = workbook.getSheetAt(0).getSheetName() + "!"
                    + cell.getAddress().formatAsString();
            before = cell.getNumericCellValue();
            cell.setCellValue(before + 100);
            try (var out = Files.newOutputStream(edited)) {
                workbook.write(out);
            }
        }

        Run run = run("report", "verify", edited.toString(), "--warehouse", dir);

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains(where + "：报告 printed [").contains("1 differences");
    }

    @Test
    void aReportOfAVersionGcRemovedIsCheckedAgainstTheModelRebuiltFromItsKnowledgeTime() throws IOException {
        Path docx = report("年报.docx", "annual", "--year", "2026");
        try (Stream<Path> pins = Files.walk(Path.of(dir, "model", "pins"))) {
            for (Path pin : pins.filter(Files::isRegularFile).toList()) {
                Files.delete(pin);
            }
        }
        assertThat(run("build", "--warehouse", dir).exit()).isZero();
        assertThat(run("gc", "--warehouse", dir, "--keep", "0").exit()).isZero();
        assertThat(Path.of(dir, "model", "v=1")).doesNotExist();

        Run run = run("report", "verify", docx.toString(), "--warehouse", dir);

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("was removed; rebuilt").contains("equal");
    }

    @Test
    void aKnownAtReportIsStampedWithItsKnowledgeTimeAndVerifies() throws IOException {
        Path docx = report("当时.docx", "annual", "--year", "2026", "--known-at", "2026-06-30");
        try (var doc = new XWPFDocument(Files.newInputStream(docx))) {
            assertThat(doc.getProperties()
                            .getCustomProperties()
                            .getProperty("xiaoan.knownAt")
                            .getLpwstr())
                    .isEqualTo("2026-06-30T15:59:59.999999999Z");
        }

        Run run = run("report", "verify", docx.toString(), "--warehouse", dir);

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("known at 2026-06-30T23:59:59.999999999+08:00")
                .contains("equal");
    }

    @Test
    void aFileWithoutAStampOrNotAnOfficeDocumentIsRefused() throws IOException {
        Path plain = root.resolve("plain.docx");
        try (var doc = new XWPFDocument();
                var out = Files.newOutputStream(plain)) {
            doc.createParagraph().createRun().setText("共发现隐患 12 处");
            doc.write(out);
        }
        Path text = Files.writeString(root.resolve("notes.docx"), "not a document", StandardCharsets.UTF_8);

        Run unstamped = run("report", "verify", plain.toString(), "--warehouse", dir);
        Run garbage = run("report", "verify", text.toString(), "--warehouse", dir);

        assertThat(unstamped.exit()).isEqualTo(2);
        assertThat(unstamped.err()).contains("no xiaoan stamp");
        assertThat(garbage.exit()).isEqualTo(2);
        assertThat(garbage.err()).contains("Cannot verify");
    }

    private static byte[] rewriteEntry(byte[] zip, String name, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip));
                var rewritten = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    content = edit.apply(new String(content, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                rewritten.putNextEntry(new ZipEntry(entry.getName()));
                rewritten.write(content);
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
