package io.minyi.routing.workflow.domain;

/** An action that the report's current state does not allow. */
public class IllegalTransition extends RuntimeException {

    private final Status from;
    private final Action action;

    public IllegalTransition(Status from, Action action) {
        super("cannot " + action.wireName() + " a report that is " + from.wireName());
        this.from = from;
        this.action = action;
    }

    public Status from() {
        return from;
    }

    public Action action() {
        return action;
    }
}
