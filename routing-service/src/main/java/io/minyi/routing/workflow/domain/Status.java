package io.minyi.routing.workflow.domain;

import io.minyi.contracts.WireNamed;

/** Where a report stands in its life; the wire name is stable, the label is what users read. */
public enum Status implements WireNamed {
    SUBMITTED("submitted", "已提交"),
    SIGNED_OFF("signed-off", "已签发"),
    ASSIGNED("assigned", "已交办"),
    RESPONDED("responded", "已答复"),
    CLOSED("closed", "已办结"),
    WITHDRAWN("withdrawn", "已撤回");

    private final Names names;

    Status(String wireName, String label) {
        this.names = new Names(wireName, label);
    }

    @Override
    public Names names() {
        return names;
    }

    public static Status fromWireName(String name) {
        return WireNamed.fromWireName(Status.class, name);
    }
}
