package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes an uploaded file off the wire into a server-named file under {@code incoming}, never more than the cap: the
 * body is either the file itself (name in {@code ?name=}) or {@code multipart/form-data} with a part named {@code
 * file}. The name the client gave is only ever recorded, never used as a path.
 */
final class UploadReceiver {
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,5}");
    private static final int MAX_NAME_LENGTH = 200;
    private static final int BUFFER = 64 * 1024;

    private final Path incoming;
    private final long maxBytes;

    UploadReceiver(Path incoming, long maxBytes) {
        this.incoming = requireNonNull(incoming, "incoming");
        this.maxBytes = maxBytes;
    }

    /** A received file and the client's (cleaned) name for it; delete {@code path} when done. */
    record Received(Path path, String name, long bytes) {}

    Received receive(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/form-data")) {
            UploadedFile part;
            try {
                part = ctx.uploadedFile("file");
            } catch (RuntimeException e) {
                if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("exceed")) {
                    throw tooLarge();
                }
                throw ApiException.badRequest(
                        "invalid_upload", "The multipart body could not be read / 上传内容无法解析: " + e.getMessage());
            }
            if (part == null) {
                throw ApiException.badRequest(
                        "invalid_upload", "Send the file in a multipart part named \"file\" / 请在 file 字段中上传文件");
            }
            String name = cleanName(part.filename());
            try (InputStream in = part.content()) {
                return store(in, name);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the upload of " + name, e);
            }
        }
        String name = cleanName(ctx.queryParam("name"));
        try (InputStream in = ctx.req().getInputStream()) {
            return store(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload of " + name, e);
        }
    }

    private Received store(InputStream in, String name) throws IOException {
        Files.createDirectories(incoming);
        Path target = incoming.resolve("upload-" + UUID.randomUUID() + extension(name));
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        if (total == 0) {
            Files.deleteIfExists(target);
            throw ApiException.badRequest("empty_upload", "The uploaded file is empty / 上传的文件为空");
        }
        return new Received(target, name, total);
    }

    private ApiException tooLarge() {
        return new ApiException(
                413,
                "upload_too_large",
                "The file is larger than " + maxBytes / ServerLimits.MIB + " MiB; split it into smaller files / 文件超过 "
                        + maxBytes / ServerLimits.MIB + " MiB，请拆分后上传");
    }

    /**
     * The last segment of whatever path the client sent, without control characters, so that {@code ../../x.csv}
     * or {@code C:\\temp\\x.csv} is recorded as {@code x.csv}.
     */
    static String cleanName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("missing_file_name", "Give the file name, e.g. ?name=台账.xlsx / 请提供文件名（含扩展名）");
        }
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw ApiException.badRequest("invalid_file_name", "\"" + raw.strip() + "\" is not a file name / 文件名无效");
        }
        return name.length() > MAX_NAME_LENGTH ? name.substring(name.length() - MAX_NAME_LENGTH) : name;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSION.matcher(extension).matches() ? "." + extension : "";
    }
}
