package io.minyi.intake.report.web;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.report.ReportAccess;
import io.minyi.intake.report.ReportIntake;
import io.minyi.intake.report.domain.Details;
import io.minyi.intake.report.domain.Report;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import jakarta.validation.groups.Default;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

@RestController
@RequestMapping("/api/reports")
class ReportController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern IDEMPOTENCY_KEY_SYNTAX = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final ReportAccess access;
    private final ReportIntake intake;
    private final DetailsMapper detailsMapper;

    ReportController(ReportAccess access, ReportIntake intake, DetailsMapper detailsMapper) {
        this.access = access;
        this.intake = intake;
        this.detailsMapper = detailsMapper;
    }

    @PostMapping
    ResponseEntity<ReportView> submit(@Validated({Default.class, SubmitReportRequest.Complete.class})
                                      @RequestBody SubmitReportRequest request,
                                      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                      Caller caller) {
        String role = ReportAccess.authorRole(caller);
        OrgPath org = access.submissionOrg(request.org(), caller);
        if (idempotencyKey != null && !IDEMPOTENCY_KEY_SYNTAX.matcher(idempotencyKey).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                    "Idempotency-Key 须为 1–128 个可见 ASCII 字符。",
                    "Idempotency-Key must be 1 to 128 visible ASCII characters.");
        }
        Details details = detailsMapper.details(request);
        var accepted = intake.submit(org, caller.as(role), request.title(), request.body(), details,
                detailsMapper.constituent(request), Optional.ofNullable(idempotencyKey));
        Report report = accepted.report();
        var response = ResponseEntity.created(URI.create("/api/reports/" + report.id()));
        if (accepted.replayed()) {
            if (!report.author().id().equals(caller.id())
                    || !intake.sameAs(report, org, request.title(), request.body(), details)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "该 Idempotency-Key 已用于另一份内容不同的提交。",
                        "This Idempotency-Key was already used for a different submission.");
            }
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(ReportView.of(report));
    }

    @GetMapping("/{id}")
    ReportView get(@PathVariable String id, Caller caller) {
        return ReportView.of(access.readable(id, caller));
    }
}
