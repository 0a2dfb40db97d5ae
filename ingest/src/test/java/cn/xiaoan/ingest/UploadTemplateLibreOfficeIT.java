package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template filled and then saved by a real office suite (LibreOffice Calc, headless): its own styles, shared strings
 * and validations, not POI's, are still read whole and accepted without a reject.
 */
class UploadTemplateLibreOfficeIT {
    @TempDir
    static Path root;

    @Test
    void aLedgerSavedByLibreOfficeIsAcceptedWithoutAReject() throws Exception {
        TemplateRoundTrip trip = TemplateRoundTrip.create(root);
        Path filled = root.resolve("office").resolve("台账-填写.xlsx");
        Files.createDirectories(filled.getParent());
        int rows = trip.fill(Dataset.LEDGER, filled);
        Path saved = resaveWithLibreOffice(filled, root.resolve("office").resolve("saved"));
        assertThat(Files.readAllBytes(saved)).isNotEqualTo(Files.readAllBytes(filled));

        IngestResult result = trip.ingestAsClerk(Dataset.LEDGER, saved);

        assertThat(result.rejected()).as(result.summary()).isZero();
        assertThat(result.accepted()).isEqualTo(rows);
        assertThat(result.reportDate()).isEqualTo(TemplateRoundTrip.REPORT_DATE);
    }

    private static Path resaveWithLibreOffice(Path file, Path outDir) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        Path profile = Files.createTempDirectory("xiaoan-soffice");
        List<String> command = List.of(
                "soffice",
                "-env:UserInstallation=" + profile.toUri(),
                "--headless",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                outDir.toString(),
                file.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("soffice is not installed (.ci/run installs libreoffice-calc-nogui)", e);
        }
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("LibreOffice did not finish within 180 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Path saved = outDir.resolve(file.getFileName());
        assertThat(saved).as("LibreOffice output: " + output).exists();
        return saved;
    }
}
