package io.minyi.support.files;

import io.minyi.support.web.ApiProblem;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Uploaded files as every service takes them: not empty, at most 20 MB, an image, PDF or Office file
 * by its content (never by the name or the declared type), a clean file name and a SHA-256; and
 * downloads with ETag, Repr-Digest, nosniff and the name in Content-Disposition.
 */
public final class Uploads {

    public static final long MAX_BYTES = 20L * 1024 * 1024;

    /** An accepted upload. */
    public record Upload(String name, FileType type, byte[] content, String sha256) {
    }

    public static Upload accept(MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "empty-attachment", "附件不能为空文件。", "The file is empty.");
        }
        if (file.getSize() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] content = file.getBytes();
        FileType type = FileType.sniff(content).orElseThrow(() -> new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-attachment-type", "仅支持图片（PNG、JPEG、GIF、WebP）、PDF 和 Office 文档；文件类型按内容识别。",
                "Only images (PNG, JPEG, GIF, WebP), PDF and Office documents; the type is read from the content."));
        return new Upload(fileName(file.getOriginalFilename(), type), type, content, sha256(content));
    }

    public static ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "attachment-too-large",
                "附件不能超过 20 MB。", "An attachment may be at most 20 MB.");
    }

    /** The name as given, without any path, control characters or more than 100 characters. */
    public static String fileName(String original, FileType type) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "附件." + type.extension();
        }
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }

    public static ResponseEntity<InputStreamResource> download(String name, String mediaType, long size, String sha256,
                                                               InputStream content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .contentLength(size)
                .eTag("\"" + sha256 + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256))
                        + ":")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(content));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uploads() {
    }
}
