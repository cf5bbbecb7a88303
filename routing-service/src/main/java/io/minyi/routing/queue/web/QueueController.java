package io.minyi.routing.queue.web;

import io.minyi.routing.queue.Queues;
import io.minyi.routing.queue.domain.WorkQueue;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
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

    private final Queues queues;

    QueueController(Queues queues) {
        this.queues = queues;
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
        return Arrays.stream(WorkQueue.values()).filter(q -> Queues.works(q, caller))
                .map(q -> new QueueInfo(q.wireName(), q.label())).toList();
    }

    @GetMapping("/api/queues/{name}")
    QueueView queue(@PathVariable String name, @RequestParam(required = false) String topic,
                    @RequestParam(required = false) String urgency, @RequestParam(defaultValue = "oldest") String sort,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                    Caller caller) {
        WorkQueue queue = queues.worked(new Queues.Filter(name, topic, urgency), caller);
        ApiProblem.requirePage(page, size, MAX_PAGE_SIZE);
        var result = queues.page(new Queues.Filter(name, topic, urgency), sort, page, size, caller);
        return new QueueView(queue.wireName(), queue.label(), result.cases().stream().map(Item::of).toList(), page, size,
                result.total());
    }
}
