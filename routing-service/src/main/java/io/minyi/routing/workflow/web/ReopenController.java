package io.minyi.routing.workflow.web;

import io.minyi.routing.reopen.ReopenRequests;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The office's list of authors' requests to reopen closed reports, its body's and those below. */
@RestController
class ReopenController {

    private final ReopenRequests requests;
    private final CaseStore cases;

    ReopenController(ReopenRequests requests, CaseStore cases) {
        this.requests = requests;
        this.cases = cases;
    }

    /** A request with the report's title and department, so the office knows which answer was not enough. */
    record RequestView(String reportId, String org, String title, String department, String byName, String reason,
                       Instant at) {
    }

    @GetMapping("/api/reopen-requests")
    List<RequestView> pending(Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        return requests.pendingIn(caller.org(), 200).stream()
                .map(r -> {
                    var c = cases.find(r.reportId());
                    return new RequestView(r.reportId(), r.org().value(), c.map(ReportCase::title).orElse(null),
                            c.map(ReportCase::assignment).map(ReportCase.Assignment::department).orElse(null),
                            r.byName(), r.reason(), r.at());
                }).toList();
    }
}
