package io.minyi.routing.workflow.domain;

import io.minyi.contracts.WireNamed;

/** What the CPPCC office does to a report, and what its author may still do (withdraw it). */
public enum Action implements WireNamed {
    SIGN_OFF("sign-off", "签发"),
    ASSIGN("assign", "交办"),
    CLOSE("close", "办结"),
    WITHDRAW("withdraw", "撤回");

    private final Names names;

    Action(String wireName, String label) {
        this.names = new Names(wireName, label);
    }

    @Override
    public Names names() {
        return names;
    }

    public static Action fromWireName(String name) {
        return WireNamed.fromWireName(Action.class, name);
    }
}
