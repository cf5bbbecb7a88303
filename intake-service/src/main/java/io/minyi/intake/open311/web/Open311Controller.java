package io.minyi.intake.open311.web;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.open311.NewServiceRequest;
import io.minyi.intake.open311.ServiceRequest;
import io.minyi.intake.reference.ReferenceData;
import io.minyi.intake.reference.domain.ReferenceEntry;
import io.minyi.intake.reference.domain.ReferenceKind;
import io.minyi.intake.report.ReportAccess;
import io.minyi.intake.report.ReportIntake;
import io.minyi.intake.report.SubmissionCheck;
import io.minyi.intake.report.domain.Report;
import io.minyi.contracts.ReportStatus;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.intake.report.web.DetailsMapper;
import io.minyi.intake.report.web.SubmitReportRequest;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Open311 GeoReport v2 (JSON format) so that existing civic-tech clients can file and track items.
 * Services are minyi's topics; requests are reports. Callers authenticate with a bearer token like
 * every other client; errors come in the GeoReport error format ({@link Open311Errors}).
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    static final int MAX_RESULTS = 1000;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    private final ReferenceData reference;
    private final ReportIntake intake;
    private final ReportAccess access;
    private final ReportStore store;
    private final DetailsMapper detailsMapper;
    private final SubmissionCheck check;

    Open311Controller(ReferenceData reference, ReportIntake intake, ReportAccess access, ReportStore store,
                      DetailsMapper detailsMapper, SubmissionCheck check) {
        this.reference = reference;
        this.intake = intake;
        this.access = access;
        this.store = store;
        this.detailsMapper = detailsMapper;
        this.check = check;
    }

    record Service(String service_code, String service_name, String description, boolean metadata, String type,
                   String keywords, String group) {
    }

    record Definition(String service_code, List<Object> attributes) {
    }

    record Created(String service_request_id, String service_notice, String account_id) {
    }

    @GetMapping("/discovery.json")
    Map<String, Object> discovery() {
        return Map.of("changeset", "2026-11-24T00:00:00+08:00", "contact", "所属政协办公室",
                "key_service", "使用政协统一身份认证（Keycloak）签发的访问令牌，无需 api_key。",
                "endpoints", List.of(Map.of("specification", "http://wiki.open311.org/GeoReport_v2",
                        "url", "/open311/v2", "changeset", "2026-11-24T00:00:00+08:00", "type", "production",
                        "formats", List.of(MediaType.APPLICATION_JSON_VALUE))));
    }

    @GetMapping("/services.json")
    List<Service> services() {
        return reference.list(ReferenceKind.TOPIC, false).stream()
                .map(t -> new Service(t.code(), t.name(), "社情民意信息：" + t.name(), false, "realtime", t.name(),
                        "社情民意"))
                .toList();
    }

    @GetMapping("/services/{code}.json")
    Definition service(@PathVariable String code) {
        if (!reference.isTopic(code)) {
            throw ApiProblem.notFound("服务（议题分类）", code);
        }
        return new Definition(code, List.of());
    }

    @PostMapping(value = "/requests.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<List<Created>> create(@RequestParam MultiValueMap<String, String> form,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                         Caller caller) throws BindException {
        String role = ReportAccess.authorRole(caller);
        OrgPath org = access.submissionOrg(null, caller);
        SubmitReportRequest submission = NewServiceRequest.toSubmission(form);
        check.validate(submission);
        var accepted = intake.submit(org, caller.as(role), submission.title(), submission.body(),
                detailsMapper.details(submission), detailsMapper.constituent(submission),
                Optional.ofNullable(key).filter(k -> !k.isBlank()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(List.of(new Created(accepted.report().id(), ServiceRequest.NOTICE, null)));
    }

    @GetMapping("/requests/{id}.json")
    List<ServiceRequest> request(@PathVariable String id, Caller caller) {
        return List.of(view(access.readable(id, caller)));
    }

    /**
     * Requests by id (comma-separated; those the caller may not see are left out), or else the
     * caller's own — for the office, those of its body and the bodies below — filtered by service,
     * status and time (default: the last 90 days), newest first, at most 1,000.
     */
    @GetMapping("/requests.json")
    List<ServiceRequest> requests(@RequestParam(name = "service_request_id", required = false) String ids,
                                  @RequestParam(name = "service_code", required = false) String serviceCode,
                                  @RequestParam(name = "start_date", required = false) String startDate,
                                  @RequestParam(name = "end_date", required = false) String endDate,
                                  @RequestParam(required = false) String status, Caller caller) {
        if (ids != null) {
            return Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty()).distinct()
                    .limit(MAX_RESULTS).flatMap(id -> store.find(id).stream())
                    .filter(r -> ReportAccess.mayRead(caller, r)).map(this::view).toList();
        }
        List<Criteria> all = new ArrayList<>();
        all.add(caller.hasRole(Roles.EDITOR) || caller.hasRole(Roles.LEADER) || caller.hasRole(Roles.ADMIN)
                ? Criteria.where("orgAncestors").is(caller.org().value())
                : Criteria.where("author.id").is(caller.id()));
        if (serviceCode != null) {
            all.add(Criteria.where("details.topic").is(serviceCode));
        }
        if (status != null) {
            if (!status.equals("open") && !status.equals("closed")) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-status", "status 只能是 open 或 closed。",
                        "status must be open or closed.");
            }
            all.add(Criteria.where("status").in(ServiceRequest.statusesOf(status).stream()
                    .map(ReportStatus::wireName).toList()));
        }
        Instant end = endDate == null ? null : instant(endDate, "end_date");
        Instant start = startDate == null ? (end == null ? Instant.now() : end).minus(DEFAULT_WINDOW)
                : instant(startDate, "start_date");
        Criteria when = Criteria.where("submittedAt").gte(Date.from(start));
        if (end != null) {
            when = when.lte(Date.from(end));
        }
        all.add(when);
        return store.page(new Criteria().andOperator(all), 0, MAX_RESULTS).reports().stream().map(this::view).toList();
    }

    private ServiceRequest view(Report r) {
        String service = r.details().topic() == null ? null
                : reference.find(ReferenceKind.TOPIC, r.details().topic()).map(ReferenceEntry::name).orElse(null);
        String agency = reference.find(ReferenceKind.ORG, r.org().value()).map(ReferenceEntry::name)
                .orElse(r.org().value());
        return ServiceRequest.of(r, service, agency);
    }

    private static Instant instant(String value, String name) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-" + name.replace('_', '-'),
                    name + " 须为带时区的 ISO 8601 时间，如 2026-11-24T08:00:00+08:00。",
                    name + " must be an ISO 8601 date-time with offset, e.g. 2026-11-24T08:00:00+08:00.");
        }
    }
}
