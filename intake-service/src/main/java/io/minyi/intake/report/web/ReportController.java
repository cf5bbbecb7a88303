package io.minyi.intake.report.web;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.report.domain.Report;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.support.observability.ReportMdc;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;

@RestController
@RequestMapping("/api/reports")
class ReportController {

    private static final Logger log = LoggerFactory.getLogger(ReportController.class);

    private final ReportStore store;
    private final Clock clock;

    ReportController(ReportStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<ReportView> submit(@Valid @RequestBody SubmitReportRequest request, Caller caller) {
        String role = caller.requireAnyRole(Roles.MEMBER, Roles.OFFICER);
        OrgPath org = targetOrg(request.org(), caller);
        Report.Submission submission = Report.submit(org, caller.as(role), request.title(), request.body(),
                clock.instant());
        store.insert(submission);
        try (var mdc = ReportMdc.of(submission.report().id())) {
            log.info("Report submitted to {} by {}", org, caller.username());
        }
        return ResponseEntity.created(URI.create("/api/reports/" + submission.report().id()))
                .body(ReportView.of(submission.report()));
    }

    @GetMapping("/{id}")
    ReportView get(@PathVariable String id, Caller caller) {
        Report report = store.find(id).filter(r -> mayRead(caller, r))
                .orElseThrow(() -> ApiProblem.notFound("社情民意信息", id));
        return ReportView.of(report);
    }

    private static boolean mayRead(Caller caller, Report report) {
        return report.author().id().equals(caller.id())
                || (caller.sees(report.org()) && (caller.hasRole(Roles.EDITOR) || caller.hasRole(Roles.LEADER)
                || caller.hasRole(Roles.ADMIN)));
    }

    private static OrgPath targetOrg(String requested, Caller caller) {
        if (requested == null || requested.isBlank()) {
            return caller.org();
        }
        if (!OrgPath.isValid(requested)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-org", "政协组织编码格式不正确：" + requested,
                    "Malformed org path: " + requested);
        }
        if (!caller.org().equals(OrgPath.of(requested))) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "foreign-org", "只能向本人所属的政协组织提交社情民意信息。",
                    "Reports are submitted to the author's own CPPCC body.");
        }
        return caller.org();
    }
}
