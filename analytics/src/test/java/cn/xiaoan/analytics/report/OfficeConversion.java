package cn.xiaoan.analytics.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LibreOffice headless and poppler, as installed by .ci/run: a report converted to PDF and its first page to PNG (the
 * api tests use it too, from the test jar).
 */
public final class OfficeConversion {
    public record Result(Path pdf, int pages) {}

    private OfficeConversion() {}

    public static Result toPdf(Path file, Path outDir) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("xiaoan-soffice");
        String output = run(List.of(
                "soffice",
                "-env:UserInstallation=" + profile.toUri(),
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                outDir.toString(),
                file.toString()));
        String name = file.getFileName().toString();
        Path pdf = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
        if (!Files.exists(pdf)) {
            throw new AssertionError("LibreOffice did not convert " + file + ": " + output);
        }
        Matcher pages = Pattern.compile("Pages:\\s+(\\d+)").matcher(run(List.of("pdfinfo", pdf.toString())));
        if (!pages.find()) {
            throw new AssertionError("pdfinfo could not read " + pdf);
        }
        return new Result(pdf, Integer.parseInt(pages.group(1)));
    }

    static Path firstPageAsPng(Path pdf, Path outDir) throws IOException, InterruptedException {
        String name = pdf.getFileName().toString();
        Path prefix = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + "-page");
        run(List.of(
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                pdf.toString(),
                prefix.toString()));
        return Path.of(prefix + ".png");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(
                    command.get(0) + " is not installed (.ci/run installs libreoffice-writer-nogui,"
                            + " libreoffice-calc-nogui and poppler-utils): " + e.getMessage(),
                    e);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
        }
        return output;
    }
}
