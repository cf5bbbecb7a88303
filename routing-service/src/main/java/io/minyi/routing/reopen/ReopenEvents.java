package io.minyi.routing.reopen;

import io.minyi.contracts.ReopenDecided;
import io.minyi.contracts.ReopenRequested;
import io.minyi.contracts.ReportEvent;
import io.minyi.support.messaging.ReportEventHandler;
import org.springframework.stereotype.Component;

/** An author's request waits for the office; the office's decision (our own event) ends the wait. */
@Component
class ReopenEvents implements ReportEventHandler {

    private final ReopenRequests requests;

    ReopenEvents(ReopenRequests requests) {
        this.requests = requests;
    }

    @Override
    public void handle(ReportEvent event) {
        if (event instanceof ReopenRequested requested) {
            requests.requested(requested);
        } else if (event instanceof ReopenDecided decided) {
            requests.decided(decided);
        }
    }
}
