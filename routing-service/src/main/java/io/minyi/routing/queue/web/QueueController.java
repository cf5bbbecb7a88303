package io.minyi.routing.queue.web;

import io.minyi.contracts.WireNamed;
import io.minyi.routing.queue.domain.WorkQueue;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The work queues of the caller's body (待采编, 待签发, 待交办 …): filtered by topic and urgency,
 * sorted, paged. Only what the caller's own body handles now is in them.
 */
@RestController
class QueueController {

    static final int MAX_PAGE_SIZE = 100;

    private final CaseStore cases;

    QueueController(CaseStore cases) {
        this.cases = cases;
    }

    record Item(String id, String org, String title, String authorName, String topic, String urgency, String status,
                String statusLabel, Instant submittedAt, String department, LocalDate deadline, long version) {
        static Item of(ReportCase c) {
            var a = c.assignment();
            return new Item(c.id(), c.org().value(), c.title(), c.author().name(), c.content().topic(),
                    c.content().urgency(), c.status().wireName(), c.status().label(), c.submittedAt(),
                    a == null ? null : a.department(), a == null ? null : a.deadline(), c.version());
        }
    }

    record QueueView(String name, String label, List<Item> items, int page, int size, long total) {
    }

    record QueueInfo(String name, String label) {
    }

    /** The queues the caller works. */
    @GetMapping("/api/queues")
    List<QueueInfo> queues(Caller caller) {
        return Arrays.stream(WorkQueue.values()).filter(q -> works(q, caller))
                .map(q -> new QueueInfo(q.wireName(), q.label())).toList();
    }

    @GetMapping("/api/queues/{name}")
    QueueView queue(@PathVariable String name, @RequestParam(required = false) String topic,
                    @RequestParam(required = false) String urgency, @RequestParam(defaultValue = "oldest") String sort,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                    Caller caller) {
        WorkQueue queue = parse(WorkQueue.class, name, "queue", "工作队列");
        if (!works(queue, caller)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "role-required", "您的角色不办理“" + queue.label() + "”队列。",
                    "Your role does not work the " + queue.wireName() + " queue.");
        }
        ApiProblem.requirePage(page, size, MAX_PAGE_SIZE);
        if (urgency != null && !List.of("normal", "urgent", "very-urgent").contains(urgency)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-urgency", "未知的紧急程度：" + urgency,
                    "Unknown urgency: " + urgency);
        }
        Boolean ordered = switch (queue.instructed()) {
            case NONE -> null;
            case ORDERING_ASSIGNMENT -> true;
            case NOT_ORDERING -> false;
        };
        var result = cases.queue(caller.org(), queue.statuses(), ordered, topic, urgency,
                order(parse(WorkQueue.Order.class, sort, "sort", "排序方式")), page, size);
        return new QueueView(queue.wireName(), queue.label(), result.cases().stream().map(Item::of).toList(), page, size,
                result.total());
    }

    private static Sort order(WorkQueue.Order order) {
        return switch (order) {
            case OLDEST -> Sort.by(Sort.Direction.ASC, "submittedAt");
            case NEWEST -> Sort.by(Sort.Direction.DESC, "submittedAt");
            case DEADLINE -> Sort.by(Sort.Direction.ASC, "assignment.deadline");
            // very-urgent < urgent < normal in the alphabet's reverse: "very-urgent" > "urgent" > "normal"
            case URGENCY -> Sort.by(Sort.Direction.DESC, "content.urgency").and(Sort.by("submittedAt"));
        };
    }

    private static boolean works(WorkQueue queue, Caller caller) {
        return caller.hasRole(Roles.ADMIN) || queue.roles().stream().anyMatch(caller::hasRole);
    }

    private static <E extends Enum<E> & WireNamed> E parse(Class<E> type, String value, String field, String label) {
        try {
            return WireNamed.fromWireName(type, value);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-" + field, "未知的" + label + "：" + value,
                    "Unknown " + field + ": " + value);
        }
    }
}
