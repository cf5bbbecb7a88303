package io.minyi.intake.attachment.web;

import io.minyi.intake.attachment.AttachmentStore;
import io.minyi.intake.attachment.AttachmentStore.Attachment;
import io.minyi.intake.attachment.domain.FileType;
import io.minyi.intake.report.ReportAccess;
import io.minyi.intake.report.domain.Report;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Attachments of a report: images, PDF and Office files up to {@value #MAX_BYTES} bytes each, at most
 * {@value #MAX_PER_REPORT} per report; downloadable by whoever may see the report.
 */
@RestController
class AttachmentController {

    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final int MAX_PER_REPORT = 10;

    private final AttachmentStore attachments;
    private final ReportAccess access;
    private final Clock clock;

    AttachmentController(AttachmentStore attachments, ReportAccess access, Clock clock) {
        this.attachments = attachments;
        this.access = access;
        this.clock = clock;
    }

    record AttachmentView(String id, String name, long size, String contentType, String sha256, Instant uploadedAt,
                          String href) {
        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id(), a.name(), a.size(), a.type().mediaType(), a.sha256(), a.uploadedAt(),
                    "/api/reports/" + a.reportId() + "/attachments/" + a.id());
        }
    }

    @PostMapping(path = "/api/reports/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> upload(@PathVariable String id, @RequestParam("file") MultipartFile file,
                                          Caller caller) throws IOException {
        Report report = access.readable(id, caller);
        if (!ReportAccess.mayAttach(caller, report)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "只有作者和本级及上级政协办公室可以添加附件。",
                    "Only the author and the office may add attachments.");
        }
        if (file.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "empty-attachment", "附件不能为空文件。", "The file is empty.");
        }
        if (file.getSize() > MAX_BYTES) {
            throw tooLarge();
        }
        if (attachments.ofReport(id).size() >= MAX_PER_REPORT) {
            throw new ApiProblem(HttpStatus.CONFLICT, "too-many-attachments",
                    "每份信息最多 " + MAX_PER_REPORT + " 个附件。", "At most " + MAX_PER_REPORT + " attachments per report.");
        }
        byte[] content = file.getBytes();
        FileType type = FileType.sniff(content).orElseThrow(() -> new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-attachment-type", "仅支持图片（PNG、JPEG、GIF、WebP）、PDF 和 Office 文档；文件类型按内容识别。",
                "Only images (PNG, JPEG, GIF, WebP), PDF and Office documents; the type is read from the content."));
        Attachment saved = attachments.save(id, fileName(file.getOriginalFilename(), type), content, type,
                sha256(content), caller.id(), clock.instant());
        return ResponseEntity.created(URI.create(AttachmentView.of(saved).href())).body(AttachmentView.of(saved));
    }

    @GetMapping("/api/reports/{id}/attachments")
    List<AttachmentView> list(@PathVariable String id, Caller caller) {
        access.readable(id, caller);
        return attachments.ofReport(id).stream().map(AttachmentView::of).toList();
    }

    @GetMapping("/api/reports/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable String id, @PathVariable String attachmentId,
                                                 Caller caller) throws IOException {
        access.readable(id, caller);
        var resource = attachments.content(id, attachmentId)
                .orElseThrow(() -> ApiProblem.notFound("附件", attachmentId));
        Attachment a = AttachmentStore.toAttachment(resource.getGridFSFile());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.type().mediaType()))
                .contentLength(a.size())
                .eTag("\"" + a.sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(a.sha256())) + ":")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(a.name(), StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(resource.getInputStream()));
    }

    static ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "attachment-too-large",
                "附件不能超过 20 MB。", "An attachment may be at most 20 MB.");
    }

    /** The name as given, without any path, control characters or more than 100 characters. */
    static String fileName(String original, FileType type) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "附件." + type.extension();
        }
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
