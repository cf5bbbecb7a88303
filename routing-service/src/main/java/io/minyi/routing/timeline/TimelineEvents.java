package io.minyi.routing.timeline;

import io.minyi.contracts.EventCodec;
import io.minyi.contracts.ReportDraftDiscarded;
import io.minyi.contracts.ReportDraftSaved;
import io.minyi.contracts.ReportEvent;
import io.minyi.routing.timeline.domain.TimelineEntry;
import io.minyi.support.messaging.ReportEventHandler;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

import java.util.Map;

/**
 * Every event of a submitted report onto its timeline, as the event's own wire fields (so a field a
 * producer adds shows without a change here). Drafts are the author's own until submitted: not on it.
 */
@Component
class TimelineEvents implements ReportEventHandler {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final Timeline timeline;

    TimelineEvents(Timeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void handle(ReportEvent event) {
        if (event instanceof ReportDraftSaved || event instanceof ReportDraftDiscarded) {
            return;
        }
        Map<String, Object> fields = EventCodec.MAPPER.readValue(EventCodec.toJson(event), FIELDS);
        timeline.record(event.reportId(), TimelineEntry.of(fields));
    }
}
