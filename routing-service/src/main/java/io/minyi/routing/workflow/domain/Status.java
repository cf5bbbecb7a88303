package io.minyi.routing.workflow.domain;

/** Where a report stands in its life; the wire name is stable, the label is what users read. */
public enum Status {
    SUBMITTED("submitted", "已提交"),
    SIGNED_OFF("signed-off", "已签发"),
    ASSIGNED("assigned", "已交办"),
    RESPONDED("responded", "已答复"),
    CLOSED("closed", "已办结");

    private final String wireName;
    private final String label;

    Status(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public static Status fromWireName(String name) {
        for (Status s : values()) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status " + name);
    }
}
