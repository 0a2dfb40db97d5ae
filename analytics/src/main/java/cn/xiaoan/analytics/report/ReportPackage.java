package cn.xiaoan.analytics.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Makes an Office package's bytes a function of its content: every zip entry (and every entry of a package embedded
 * in it, such as a chart's workbook) gets one fixed time, and the core properties' created and modified times are the
 * report's generation day. POI otherwise stamps the instant it ran, so the same report written twice would differ.
 */
public final class ReportPackage {
    private static final Pattern CORE_TIME =
            Pattern.compile("(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:(created|modified)>)");

    private ReportPackage() {}

    /** The package rewritten with every time set from {@code day} (its midnight; in core.xml as UTC). */
    public static byte[] fixed(byte[] pkg, LocalDate day) throws IOException {
        var out = new ByteArrayOutputStream(pkg.length);
        // read by the central directory: a streaming read fails on entries whose sizes follow their data (SXSSF)
        try (var in = ZipFile.builder()
                        .setSeekableByteChannel(new SeekableInMemoryByteChannel(pkg))
                        .get();
                var zip = new ZipOutputStream(out)) {
            for (ZipArchiveEntry entry : Collections.list(in.getEntries())) {
                byte[] content;
                try (InputStream stream = in.getInputStream(entry)) {
                    content = stream.readAllBytes();
                }
                String name = entry.getName();
                if (name.equals("docProps/core.xml")) {
                    content = CORE_TIME
                            .matcher(new String(content, StandardCharsets.UTF_8))
                            .replaceAll("$1" + day + "T00:00:00Z$3")
                            .getBytes(StandardCharsets.UTF_8);
                } else if (isPackage(name, content)) {
                    content = fixed(content, day);
                }
                var copy = new ZipEntry(name);
                copy.setTimeLocal(day.atStartOfDay()); // DOS time as given, whatever the JVM's time zone
                zip.putNextEntry(copy);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static boolean isPackage(String name, byte[] content) {
        return (name.endsWith(".xlsx") || name.endsWith(".docx"))
                && content.length > 4
                && content[0] == 'P'
                && content[1] == 'K';
    }
}
