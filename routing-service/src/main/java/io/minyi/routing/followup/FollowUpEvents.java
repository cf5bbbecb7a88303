package io.minyi.routing.followup;

import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportResponded;
import io.minyi.support.messaging.ReportEventHandler;
import org.springframework.stereotype.Component;

/** Keeps what the department promised in its latest answer, for a later 回头看. */
@Component
class FollowUpEvents implements ReportEventHandler {

    private final FollowUps followUps;

    FollowUpEvents(FollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public void handle(ReportEvent event) {
        if (event instanceof ReportResponded responded) {
            followUps.answered(responded);
        }
    }
}
