package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A template filled and then saved by a real office suite (LibreOffice Calc, headless): its own styles, shared strings
 * and validations, not POI's, are still read whole and accepted without a reject.
 */
class UploadTemplateLibreOfficeIT extends UploadTemplateTest {
    @Test
    void aLedgerSavedByLibreOfficeIsAcceptedWithoutAReject() throws Exception {
        TemplateScope scope = TemplateScope.fromRegister(warehouse, REFERENCE, Optional.of(district));
        Path template = template(Dataset.LEDGER, scope, "office-blank.xlsx");
        Path filled = root.resolve("office").resolve("台账-填写.xlsx");
        Files.createDirectories(filled.getParent());
        LocalDate reportDate = LocalDate.of(2026, 10, 31);
        int rows = TemplateFiller.fill(
                template, Dataset.LEDGER, scope, file(Dataset.LEDGER), reportDate, REFERENCE, filled);
        Path saved = resaveWithLibreOffice(filled, root.resolve("office").resolve("saved"));
        assertThat(Files.readAllBytes(saved)).isNotEqualTo(Files.readAllBytes(filled));

        IngestResult result = new Ingestor(warehouse, REFERENCE, CLOCK)
                .ingest(
                        new IngestRequest(
                                Dataset.LEDGER,
                                saved,
                                saved.getFileName().toString(),
                                Optional.empty(),
                                new Submitter("clerk", Optional.of(district))),
                        IngestProgress.silent());

        assertThat(result.rejected()).as(result.summary()).isZero();
        assertThat(result.accepted()).isEqualTo(rows);
        assertThat(result.reportDate()).isEqualTo(reportDate);
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
