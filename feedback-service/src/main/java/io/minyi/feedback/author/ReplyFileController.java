package io.minyi.feedback.author;

import io.minyi.feedback.inbox.store.InboxQueries;
import io.minyi.feedback.inbox.store.ReplyFiles;
import io.minyi.contracts.FileRef;
import io.minyi.support.files.Uploads;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Files of the answers to a report: for the departments handling it, the offices of its body and above,
 * and its authors. Everyone else gets 404.
 */
@RestController
class ReplyFileController {

    private final ReplyFiles files;
    private final InboxQueries queries;
    private final Audiences audiences;

    ReplyFileController(ReplyFiles files, InboxQueries queries, Audiences audiences) {
        this.files = files;
        this.queries = queries;
        this.audiences = audiences;
    }

    @GetMapping("/api/reports/{reportId}/reply-files/{fileId}")
    ResponseEntity<InputStreamResource> download(@PathVariable String reportId, @PathVariable String fileId,
                                                 Caller caller) throws IOException {
        if (!mayRead(reportId, caller)) {
            throw ApiProblem.notFound("附件", fileId);
        }
        var stored = files.content(reportId, fileId).orElseThrow(() -> ApiProblem.notFound("附件", fileId));
        FileRef f = ReplyFiles.toRef(stored.file());
        return Uploads.download(f.name(), f.contentType(), f.size(), f.sha256(), stored.content());
    }

    private boolean mayRead(String reportId, Caller caller) {
        if (caller.hasRole(Roles.DEPARTMENT) && caller.department() != null) {
            return queries.ofReport(reportId).stream().anyMatch(e -> e.item().department().equals(caller.department()));
        }
        return audiences.find(reportId).filter(a -> caller.isOfficeOf(a.org())
                || a.isAuthor(caller.id(), caller.org(), caller.name())).isPresent();
    }
}
