package io.minyi.routing.timeline;

import io.minyi.routing.timeline.domain.TimelineEntry;
import io.minyi.routing.workflow.WorkflowService;
import io.minyi.support.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * A report's timeline (履历): to the office of its body and of the bodies above every entry in full;
 * to its author the steps without the office's details and names. Anyone else: 404, as for the report.
 */
@RestController
class TimelineController {

    private final WorkflowService workflow;
    private final Timeline timeline;

    TimelineController(WorkflowService workflow, Timeline timeline) {
        this.workflow = workflow;
        this.timeline = timeline;
    }

    @GetMapping("/api/reports/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable String id, Caller caller) {
        var report = workflow.get(id, caller);
        List<TimelineEntry> entries = timeline.of(id);
        if (caller.isOfficeOf(report.org())) {
            return entries;
        }
        return entries.stream().map(e -> e.forAuthor(caller.id())).toList();
    }
}
