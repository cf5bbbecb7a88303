package io.minyi.routing.bulletin.web;

import io.minyi.routing.bulletin.Bulletins;
import io.minyi.routing.bulletin.PdfRendering;
import io.minyi.routing.bulletin.domain.Bulletin;
import io.minyi.routing.bulletin.domain.BulletinDocx;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.support.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 《社情民意信息专报》: issues of a body's bulletin, compiled, published and exported as Word documents. */
@RestController
class BulletinController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final Bulletins bulletins;
    private final PdfRendering pdf;

    BulletinController(Bulletins bulletins, PdfRendering pdf) {
        this.bulletins = bulletins;
        this.pdf = pdf;
    }

    record OpenRequest(@Size(max = 40, message = "{minyi.bulletin.office.size}") String office) {
    }

    record ComposeRequest(@NotNull(message = "{minyi.bulletin.reports.required}")
                          @Size(max = 50, message = "{minyi.bulletin.reports.size}") List<String> reportIds) {
    }

    record DistributionRequest(@Size(max = 40, message = "{minyi.bulletin.office.size}") String office,
                               @Size(max = 200, message = "{minyi.bulletin.distribution.size}") String sendTo,
                               @Size(max = 200, message = "{minyi.bulletin.distribution.size}") String copyTo) {
    }

    record ItemView(String reportId, String org, String title, String authorName) {
    }

    record BulletinView(String id, String org, String office, int year, int number, String title, String status,
                        List<ItemView> items, String sendTo, String copyTo, String signer, Instant publishedAt,
                        long version) {
        static BulletinView of(Bulletin b) {
            return new BulletinView(b.id(), b.org().value(), b.office(), b.year(), b.number(), b.title(),
                    b.status().name().toLowerCase(), b.items().stream().map(i -> new ItemView(i.reportId(),
                    i.reportOrg().value(), i.title(), i.authorName())).toList(), b.distribution().sendTo(),
                    b.distribution().copyTo(), b.signer(), b.publishedAt(), b.version());
        }
    }

    @PostMapping("/api/bulletins")
    ResponseEntity<BulletinView> open(@Valid @RequestBody(required = false) OpenRequest request, Caller caller) {
        Bulletin b = bulletins.open(request == null ? null : request.office(), caller);
        return ResponseEntity.created(URI.create("/api/bulletins/" + b.id())).body(BulletinView.of(b));
    }

    @GetMapping("/api/bulletins")
    List<BulletinView> list(@RequestParam(required = false) Integer year, Caller caller) {
        return bulletins.list(year, caller).stream().map(BulletinView::of).toList();
    }

    @GetMapping("/api/bulletins/{id}")
    BulletinView get(@PathVariable String id, Caller caller) {
        return BulletinView.of(bulletins.get(id, caller));
    }

    @PutMapping("/api/bulletins/{id}/items")
    BulletinView compose(@PathVariable String id, @Valid @RequestBody ComposeRequest request, Caller caller) {
        return BulletinView.of(bulletins.compose(id, request.reportIds(), caller));
    }

    /** The editing office and the 版记 of a draft: who it is sent (报送) and copied (抄送) to. */
    @PutMapping("/api/bulletins/{id}/distribution")
    BulletinView distribute(@PathVariable String id, @Valid @RequestBody DistributionRequest request, Caller caller) {
        return BulletinView.of(bulletins.distribute(id, request.office(),
                new Bulletin.Distribution(request.sendTo(), request.copyTo()), caller));
    }

    @PostMapping("/api/bulletins/{id}/publish")
    BulletinView publish(@PathVariable String id, Caller caller) {
        return BulletinView.of(bulletins.publish(id, caller));
    }

    /** The issue as a Word document in the 公文 layout (GB/T 9704-2012). */
    @GetMapping("/api/bulletins/{id}/export.docx")
    ResponseEntity<byte[]> export(@PathVariable String id, Caller caller) {
        Bulletin b = bulletins.get(id, caller);
        return file(b, ".docx", DOCX, docx(b));
    }

    /** The same document as PDF, its fonts embedded. */
    @GetMapping("/api/bulletins/{id}/export.pdf")
    ResponseEntity<byte[]> exportPdf(@PathVariable String id, Caller caller) {
        Bulletin b = bulletins.get(id, caller);
        return file(b, ".pdf", MediaType.APPLICATION_PDF, pdf.pdf(docx(b)));
    }

    private static byte[] docx(Bulletin b) {
        return BulletinDocx.of(b, LocalDate.ofInstant(b.publishedAt() != null ? b.publishedAt() : Instant.now(),
                ReportCase.ZONE));
    }

    private static ResponseEntity<byte[]> file(Bulletin b, String extension, MediaType type, byte[] content) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(b.title() + extension, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
