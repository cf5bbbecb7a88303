package io.minyi.support.messaging;

import io.minyi.contracts.ReportEvent;

/**
 * What a service does with each report event. Implement it as a bean; the shared listener decodes
 * every record of the report-events topic, puts the report id into the log context and calls it.
 * Handlers must be idempotent: events arrive at least once.
 */
@FunctionalInterface
public interface ReportEventHandler {

    void handle(ReportEvent event);
}
