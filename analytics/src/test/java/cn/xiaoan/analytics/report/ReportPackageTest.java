package cn.xiaoan.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Two packages that differ only in the times POI stamps become the same bytes, nested packages included. */
class ReportPackageTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");

    @Test
    void packagesWrittenAtDifferentTimesBecomeTheSameBytes() throws IOException {
        byte[] morning = pkg(LocalDateTime.parse("2026-11-25T08:00:00"), "2026-11-25T00:00:01Z");
        byte[] evening = pkg(LocalDateTime.parse("2026-11-25T20:30:08"), "2026-11-25T12:30:08Z");

        assertThat(morning).isNotEqualTo(evening);
        assertThat(ReportPackage.fixed(morning, DAY)).isEqualTo(ReportPackage.fixed(evening, DAY));
    }

    @Test
    void keepsEveryEntryAndItsContentExceptTheTimes() throws IOException {
        byte[] fixed =
                ReportPackage.fixed(pkg(LocalDateTime.parse("2026-11-25T08:00:00"), "2026-11-25T00:00:01Z"), DAY);

        var names = new ArrayList<String>();
        String core = null;
        try (var in = new ZipInputStream(new ByteArrayInputStream(fixed))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
                assertThat(entry.getTimeLocal()).isEqualTo(DAY.atStartOfDay());
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("docProps/core.xml")) {
                    core = new String(content, StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).containsExactly("[Content_Types].xml", "docProps/core.xml", "word/embeddings/chart.xlsx");
        assertThat(core)
                .isEqualTo("<cp:coreProperties><dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-25T00:00:00Z"
                        + "</dcterms:created><dcterms:modified>2026-11-25T00:00:00Z</dcterms:modified>"
                        + "</cp:coreProperties>");
    }

    /** A package with a core part, and a workbook inside it written at the same moment. */
    private static byte[] pkg(LocalDateTime at, String coreTime) throws IOException {
        byte[] nested = zip(
                at,
                List.of(new Entry("docProps/core.xml", core(coreTime)), new Entry("xl/workbook.xml", "<workbook/>")));
        return zip(
                at,
                List.of(
                        new Entry("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8)),
                        new Entry("docProps/core.xml", core(coreTime)),
                        new Entry("word/embeddings/chart.xlsx", nested)));
    }

    private record Entry(String name, byte[] content) {
        Entry(String name, String content) {
            this(name, content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] core(String time) {
        return ("<cp:coreProperties><dcterms:created xsi:type=\"dcterms:W3CDTF\">" + time
                        + "</dcterms:created><dcterms:modified>" + time + "</dcterms:modified></cp:coreProperties>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(LocalDateTime at, List<Entry> entries) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (Entry entry : entries) {
                var zipEntry = new ZipEntry(entry.name());
                zipEntry.setTimeLocal(at);
                zip.putNextEntry(zipEntry);
                zip.write(entry.content());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
