package io.minyi.routing.workflow.domain;

import io.minyi.contracts.WireNamed;
/** What the CPPCC office does to a report. */
public enum Action implements WireNamed {
    SIGN_OFF("sign-off", "签发"),
    ASSIGN("assign", "交办"),
    CLOSE("close", "办结");

    private final String wireName;
    private final String label;

    Action(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    @Override

    public String wireName() {
        return wireName;
    }

    @Override

    public String label() {
        return label;
    }

    public static Action fromWireName(String name) {
        return WireNamed.fromWireName(Action.class, name);
    }
}
