package io.minyi.feedback.author;

import io.minyi.contracts.OrgPath;

import java.util.ArrayList;
import java.util.List;

/**
 * Who wrote a report and what came of it, as its authors see it: the author, co-authors (names), the
 * authors of reports merged into it, the answer, the outcome and its level, the ratings, a reopen request.
 */
public record Audience(String reportId, OrgPath org, String title, String authorId, List<String> creditedIds,
                       List<String> coAuthorNames, String status, String department, String response, String letterNo,
                       String outcome, String adoptionLevel, String evidence, List<Rated> ratings,
                       String reopenReason, Boolean reopenApproved) {

    /** One author's rating. */
    public record Rated(String byId, String byName, String rating, String comment) {
    }

    /** Everyone to tell, as notification recipients. */
    public List<String> recipients() {
        List<String> all = new ArrayList<>();
        if (authorId != null) {
            all.add(io.minyi.feedback.notification.domain.Notification.account(authorId));
        }
        creditedIds.forEach(id -> all.add(io.minyi.feedback.notification.domain.Notification.account(id)));
        coAuthorNames.forEach(n -> all.add(io.minyi.feedback.notification.domain.Notification.named(org.value(), n)));
        return all.stream().distinct().toList();
    }

    /** Whether the person is one of the authors: the account that wrote it or was credited, or a co-author by name. */
    public boolean isAuthor(String subject, OrgPath body, String name) {
        return subject.equals(authorId) || creditedIds.contains(subject)
                || (org.equals(body) && coAuthorNames.contains(name));
    }

    public boolean closed() {
        return "closed".equals(status);
    }
}
