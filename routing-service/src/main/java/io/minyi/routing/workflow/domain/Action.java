package io.minyi.routing.workflow.domain;

/** What the CPPCC office does to a report. */
public enum Action {
    SIGN_OFF("sign-off", "签发"),
    ASSIGN("assign", "交办"),
    CLOSE("close", "办结");

    private final String wireName;
    private final String label;

    Action(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public static Action fromWireName(String name) {
        for (Action a : values()) {
            if (a.wireName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown action " + name);
    }
}
