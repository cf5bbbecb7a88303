package io.minyi.routing.reopen;

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

    ReopenController(ReopenRequests requests) {
        this.requests = requests;
    }

    record RequestView(String reportId, String org, String byName, String reason, Instant at) {
    }

    @GetMapping("/api/reopen-requests")
    List<RequestView> pending(Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        return requests.pendingIn(caller.org(), 200).stream()
                .map(r -> new RequestView(r.reportId(), r.org().value(), r.byName(), r.reason(), r.at())).toList();
    }
}
