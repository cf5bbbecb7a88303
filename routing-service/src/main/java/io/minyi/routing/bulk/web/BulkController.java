package io.minyi.routing.bulk.web;

import io.minyi.contracts.ReportStatus;
import io.minyi.contracts.WireNamed;
import io.minyi.routing.assignment.Departments;
import io.minyi.routing.bulk.BulkActions;
import io.minyi.routing.queue.Queues;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.support.reference.ReferenceReplica;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 批量操作 in the office's queues: what an action would do to each chosen report (for assignment, the
 * rule's department per report), then the action itself with each report's result.
 */
@RestController
class BulkController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final BulkActions bulk;
    private final Departments departments;
    private final ReferenceReplica reference;

    BulkController(BulkActions bulk, Departments departments, ReferenceReplica reference) {
        this.bulk = bulk;
        this.departments = departments;
        this.reference = reference;
    }

    record ExportRequest(@Size(max = BulkActions.MAX_ITEMS, message = "{minyi.bulk.reports}") List<@NotBlank String> reportIds,
                         @Valid Filter filter) {
    }

    /** The reports chosen, as a CSV file (台账 of the queue); each report's export is in the audit log. */
    @PostMapping("/api/bulk/export")
    ResponseEntity<byte[]> export(@Valid @RequestBody ExportRequest request, Caller caller) {
        List<String> ids = bulk.select(new BulkActions.Selection(request.reportIds(),
                request.filter() == null ? null : request.filter().toFilter()), caller);
        byte[] csv = bulk.export(ids, caller, departments::name,
                (list, code) -> reference.name(list, code).orElse(code));
        String name = "工作队列导出-" + LocalDate.now(ReportCase.ZONE) + ".csv";
        return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString()).body(csv);
    }

    record Filter(@NotBlank(message = "{minyi.bulk.queue}") String queue, String topic, String urgency) {
        Queues.Filter toFilter() {
            return new Queues.Filter(queue, topic, urgency);
        }
    }

    record Assignee(@Size(max = 80) String department, @Size(max = 10) List<@NotBlank String> coHandlers) {
    }

    record BulkRequest(@NotBlank(message = "{minyi.bulk.action}") String action,
                       @Size(max = BulkActions.MAX_ITEMS, message = "{minyi.bulk.reports}") List<@NotBlank String> reportIds,
                       @Valid Filter filter,
                       @Size(max = 2000, message = "{minyi.bulk.comment}") String comment,
                       @Size(max = 80) String bulletinId,
                       @Size(max = BulkActions.MAX_ITEMS) Map<String, @Valid Assignee> assignees) {
        BulkActions.Selection selection() {
            return new BulkActions.Selection(reportIds, filter == null ? null : filter.toFilter());
        }
    }

    record Proposal(String department, String departmentName, List<String> coHandlers, LocalDate deadline) {
    }

    record PreviewItem(String reportId, String title, String status, String statusLabel, boolean possible,
                       String code, String message, Proposal proposal) {
    }

    record ResultItem(String reportId, String title, boolean done, String status, String statusLabel, String code,
                      String message) {
    }

    record BulkResult(String action, String label, int total, int done, int failed, long millis, List<ResultItem> items) {
    }

    /** What the action would do to each report chosen; nothing is changed. */
    @PostMapping("/api/bulk/preview")
    List<PreviewItem> preview(@Valid @RequestBody BulkRequest request, Caller caller, Locale locale) {
        BulkActions.Kind kind = kind(request.action());
        return bulk.preview(kind, bulk.select(request.selection(), caller), caller).stream()
                .map(p -> new PreviewItem(p.reportId(), p.title(), wire(p.status()), label(p.status()),
                        p.problem() == null, p.problem() == null ? null : p.problem().code(), message(p.problem(), locale),
                        p.proposal() == null ? null : new Proposal(p.proposal().department(),
                                p.proposal().department() == null ? null : departments.name(p.proposal().department()),
                                p.proposal().coHandlers(), p.proposal().deadline())))
                .toList();
    }

    /** Does the action on every report chosen, each by itself; 200 with each one's result, even if some failed. */
    @PostMapping("/api/bulk")
    BulkResult apply(@Valid @RequestBody BulkRequest request, Caller caller, Locale locale) {
        BulkActions.Kind kind = kind(request.action());
        long start = System.nanoTime();
        List<String> ids = bulk.select(request.selection(), caller);
        Map<String, BulkActions.Assignee> assignees = request.assignees() == null ? Map.of()
                : request.assignees().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> new BulkActions.Assignee(e.getValue().department(), e.getValue().coHandlers())));
        var results = bulk.apply(kind, ids, new BulkActions.Options(request.comment(), request.bulletinId(), assignees),
                caller);
        List<ResultItem> items = results.stream().map(r -> new ResultItem(r.reportId(), r.title(), r.done(),
                wire(r.status()), label(r.status()), r.done() ? null : r.problem().code(), message(r.problem(), locale))).toList();
        int done = (int) results.stream().filter(BulkActions.Result::done).count();
        return new BulkResult(kind.wireName(), kind.label(), results.size(), done, results.size() - done,
                Duration.ofNanos(System.nanoTime() - start).toMillis(), items);
    }

    private static BulkActions.Kind kind(String action) {
        try {
            return WireNamed.fromWireName(BulkActions.Kind.class, action);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-action",
                    "不支持批量执行的操作：" + action + "（可批量：交办、签发、退回修改、催办、编入专报）。",
                    "Not an action for many reports: " + action + " (assign, sign-off, return, urge, add-to-bulletin).");
        }
    }

    private static String message(ApiProblem problem, Locale locale) {
        return problem == null ? null : problem.toProblemDetail(locale, null).getDetail();
    }

    private static String wire(ReportStatus s) {
        return s == null ? null : s.wireName();
    }

    private static String label(ReportStatus s) {
        return s == null ? null : s.label();
    }
}
