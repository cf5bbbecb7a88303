package io.minyi.intake.draft.web;

import io.minyi.intake.draft.Draft;
import io.minyi.intake.draft.Drafts;
import io.minyi.intake.report.web.ReportView;
import io.minyi.intake.report.web.SubmitReportRequest;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An author's drafts. The ETag of a draft is its revision; a change must name it in {@code If-Match}
 * so that a save from a second device never silently overwrites the first.
 */
@RestController
@RequestMapping("/api/drafts")
class DraftController {

    private static final Pattern REVISION_TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private final Drafts drafts;

    DraftController(Drafts drafts) {
        this.drafts = drafts;
    }

    @PostMapping
    ResponseEntity<DraftView> create(@Validated @RequestBody SubmitReportRequest content, Caller caller) {
        Draft draft = drafts.create(content, caller);
        return tagged(ResponseEntity.created(URI.create("/api/drafts/" + draft.id())), draft);
    }

    @GetMapping
    List<DraftView> mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                         Caller caller) {
        if (page < 0 || size < 1 || size > 100) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-page", "页码须 ≥ 0，每页条数须在 1 到 100 之间。",
                    "page must be >= 0 and size between 1 and 100.");
        }
        return drafts.openDrafts(caller, page, size).stream().map(DraftView::of).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<DraftView> get(@PathVariable String id, Caller caller) {
        return tagged(ResponseEntity.ok(), drafts.get(id, caller));
    }

    @PutMapping("/{id}")
    ResponseEntity<DraftView> update(@PathVariable String id, @Validated @RequestBody SubmitReportRequest content,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     Caller caller) {
        if (ifMatch == null) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required",
                    "保存草稿须带 If-Match 头，写明所修改的草稿版本。",
                    "Saving a draft needs an If-Match header naming the revision being changed.");
        }
        return tagged(ResponseEntity.ok(), drafts.update(id, revision(ifMatch), content, caller));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> discard(@PathVariable String id,
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        drafts.discard(id, ifMatch == null ? null : revision(ifMatch), caller);
        return ResponseEntity.noContent().build();
    }

    /** Submits the draft: it becomes the report {@code /api/reports/{id}}. */
    @PostMapping("/{id}/submission")
    ResponseEntity<ReportView> submit(@PathVariable String id,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                      Caller caller) throws BindException {
        var accepted = drafts.submit(id, ifMatch == null ? null : revision(ifMatch), caller);
        var response = ResponseEntity.created(URI.create("/api/reports/" + id));
        if (accepted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(ReportView.of(accepted.report()));
    }

    private static ResponseEntity<DraftView> tagged(ResponseEntity.BodyBuilder response, Draft draft) {
        return response.eTag("\"" + draft.revision() + "\"").body(DraftView.of(draft));
    }

    private static long revision(String ifMatch) {
        var m = REVISION_TAG.matcher(ifMatch.strip());
        if (!m.matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-if-match",
                    "If-Match 须为草稿的 ETag，例如 \"3\"。", "If-Match must be the draft's ETag, e.g. \"3\".");
        }
        return Long.parseLong(m.group(1));
    }
}
