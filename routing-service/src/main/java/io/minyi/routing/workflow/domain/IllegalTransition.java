package io.minyi.routing.workflow.domain;

import io.minyi.contracts.ReportStatus;

/** An action that the report's current state does not allow. */
public class IllegalTransition extends RuntimeException {

    private final ReportStatus from;
    private final Action action;

    public IllegalTransition(ReportStatus from, Action action) {
        super("cannot " + action.wireName() + " a report that is " + from.wireName());
        this.from = from;
        this.action = action;
    }

    public ReportStatus from() {
        return from;
    }

    public Action action() {
        return action;
    }
}
