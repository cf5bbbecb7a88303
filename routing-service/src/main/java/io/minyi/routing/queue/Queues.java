package io.minyi.routing.queue;

import io.minyi.contracts.WireNamed;
import io.minyi.routing.queue.domain.WorkQueue;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * What waits in one of the caller's work queues, filtered by topic and urgency: a page of it for the
 * queue's screen, or every matching case (up to a limit) for a bulk action on "all that match".
 */
@Service
public class Queues {

    private static final List<String> URGENCIES = List.of("normal", "urgent", "very-urgent");

    private final CaseStore cases;

    Queues(CaseStore cases) {
        this.cases = cases;
    }

    /** Which cases a queue holds: the queue by its wire name, optionally one topic and urgency. */
    public record Filter(String queue, String topic, String urgency) {
    }

    public CaseStore.Page page(Filter filter, String sort, int page, int size, Caller caller) {
        WorkQueue queue = worked(filter, caller);
        Boolean ordered = switch (queue.instructed()) {
            case NONE -> null;
            case ORDERING_ASSIGNMENT -> true;
            case NOT_ORDERING -> false;
        };
        return cases.queue(caller.org(), queue.statuses(), ordered, blankToNull(filter.topic()),
                blankToNull(filter.urgency()), order(parse(WorkQueue.Order.class, sort, "sort", "排序方式")), page, size);
    }

    /** The queue the filter names, checked: known, worked by the caller's role, a known urgency. */
    public WorkQueue worked(Filter filter, Caller caller) {
        WorkQueue queue = parse(WorkQueue.class, filter.queue(), "queue", "工作队列");
        if (!works(queue, caller)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "role-required", "您的角色不办理“" + queue.label() + "”队列。",
                    "Your role does not work the " + queue.wireName() + " queue.");
        }
        String urgency = blankToNull(filter.urgency());
        if (urgency != null && !URGENCIES.contains(urgency)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-urgency", "未知的紧急程度：" + urgency,
                    "Unknown urgency: " + urgency);
        }
        return queue;
    }

    public static boolean works(WorkQueue queue, Caller caller) {
        return caller.hasRole(Roles.ADMIN) || queue.roles().stream().anyMatch(caller::hasRole);
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static <E extends Enum<E> & WireNamed> E parse(Class<E> type, String value, String field, String label) {
        try {
            return WireNamed.fromWireName(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-" + field, "未知的" + label + "：" + value,
                    "Unknown " + field + ": " + value);
        }
    }
}
