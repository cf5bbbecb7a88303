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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.regex.Pattern;

@RestController
@RequestMapping("/api/reports")
class ReportController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern IDEMPOTENCY_KEY_SYNTAX = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Logger log = LoggerFactory.getLogger(ReportController.class);

    private final ReportStore store;
    private final Clock clock;

    ReportController(ReportStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<ReportView> submit(@Valid @RequestBody SubmitReportRequest request,
                                      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                      Caller caller) {
        String role = caller.requireAnyRole(Roles.MEMBER, Roles.OFFICER);
        OrgPath org = targetOrg(request.org(), caller);
        if (idempotencyKey == null) {
            Report.Submission submission = Report.submit(org, caller.as(role), request.title(), request.body(),
                    clock.instant());
            store.insert(submission);
            return created(submission);
        }
        if (!IDEMPOTENCY_KEY_SYNTAX.matcher(idempotencyKey).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                    "Idempotency-Key 须为 1–128 个可见 ASCII 字符。",
                    "Idempotency-Key must be 1 to 128 visible ASCII characters.");
        }
        Report.Submission submission = Report.submitIdempotently(idempotencyKey, org, caller.as(role),
                request.title(), request.body(), clock.instant());
        var existing = store.insertIfAbsent(submission);
        if (existing.isEmpty()) {
            return created(submission);
        }
        if (!existing.get().sameSubmissionAs(submission.report())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "该 Idempotency-Key 已用于另一份内容不同的提交。",
                    "This Idempotency-Key was already used for a different submission.");
        }
        return ResponseEntity.created(location(existing.get().id())).header("Idempotent-Replayed", "true")
                .body(ReportView.of(existing.get()));
    }

    private ResponseEntity<ReportView> created(Report.Submission submission) {
        try (var mdc = ReportMdc.of(submission.report().id())) {
            log.info("Report submitted to {} by {}", submission.report().org(), submission.report().author().id());
        }
        return ResponseEntity.created(location(submission.report().id())).body(ReportView.of(submission.report()));
    }

    private static URI location(String id) {
        return URI.create("/api/reports/" + id);
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
