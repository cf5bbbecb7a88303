package io.minyi.intake.attachment.web;

import io.minyi.intake.attachment.AttachmentStore;
import io.minyi.intake.attachment.AttachmentStore.Attachment;
import io.minyi.support.files.Uploads;
import io.minyi.intake.report.ReportAccess;
import io.minyi.intake.report.domain.Report;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import org.springframework.core.io.InputStreamResource;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Attachments of a report: images, PDF and Office files up to {@value #MAX_BYTES} bytes each, at most
 * {@value #MAX_PER_REPORT} per report; downloadable by whoever may see the report.
 */
@RestController
class AttachmentController {

    static final long MAX_BYTES = Uploads.MAX_BYTES;
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
                          String href, boolean officeOnly) {
        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id(), a.name(), a.size(), a.type().mediaType(), a.sha256(), a.uploadedAt(),
                    "/api/reports/" + a.reportId() + "/attachments/" + a.id(), a.officeOnly());
        }
    }

    /**
     * Adds a file; {@code officeOnly=true} (the office only, e.g. a leader's instruction on paper) keeps
     * it from the author and the station.
     */
    @PostMapping(path = "/api/reports/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> upload(@PathVariable String id, @RequestParam("file") MultipartFile file,
                                          @RequestParam(defaultValue = "false") boolean officeOnly,
                                          Caller caller) throws IOException {
        Report report = access.readable(id, caller);
        if (!ReportAccess.mayAttach(caller, report)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "只有作者和本级及上级政协办公室可以添加附件。",
                    "Only the author and the office may add attachments.");
        }
        if (officeOnly && !caller.isOfficeOf(report.org())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "office-only", "只有政协办公室可以添加仅办公室可见的附件。",
                    "Only the office may add office-only attachments.");
        }
        Uploads.Upload upload = Uploads.accept(file);
        if (attachments.ofReport(id).size() >= MAX_PER_REPORT) {
            throw new ApiProblem(HttpStatus.CONFLICT, "too-many-attachments",
                    "每份信息最多 " + MAX_PER_REPORT + " 个附件。", "At most " + MAX_PER_REPORT + " attachments per report.");
        }
        Attachment saved = attachments.save(id, upload.name(), upload.content(), upload.type(), upload.sha256(),
                caller.id(), clock.instant(), officeOnly);
        return ResponseEntity.created(URI.create(AttachmentView.of(saved).href())).body(AttachmentView.of(saved));
    }

    @GetMapping("/api/reports/{id}/attachments")
    List<AttachmentView> list(@PathVariable String id, Caller caller) {
        boolean office = caller.isOfficeOf(access.readable(id, caller).org());
        return attachments.ofReport(id).stream().filter(a -> office || !a.officeOnly()).map(AttachmentView::of).toList();
    }

    @GetMapping("/api/reports/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable String id, @PathVariable String attachmentId,
                                                 Caller caller) throws IOException {
        boolean office = caller.isOfficeOf(access.readable(id, caller).org());
        var stored = attachments.content(id, attachmentId)
                .orElseThrow(() -> ApiProblem.notFound("附件", attachmentId));
        Attachment a = AttachmentStore.toAttachment(stored.file());
        if (a.officeOnly() && !office) {
            stored.content().close();
            throw ApiProblem.notFound("附件", attachmentId);
        }
        return Uploads.download(a.name(), a.type().mediaType(), a.size(), a.sha256(), stored.content());
    }
}
