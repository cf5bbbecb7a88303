package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How satisfied an author is with the answer to their report. */
public enum Rating implements WireNamed {
    @JsonProperty("satisfied") SATISFIED("satisfied", "满意"),
    @JsonProperty("basically-satisfied") BASICALLY_SATISFIED("basically-satisfied", "基本满意"),
    @JsonProperty("not-satisfied") NOT_SATISFIED("not-satisfied", "不满意");

    private final Names names;

    Rating(String wire, String label) {
        this.names = new Names(wire, label);
    }

    @Override
    public Names names() {
        return names;
    }

    public static Rating fromWireName(String name) {
        return WireNamed.fromWireName(Rating.class, name);
    }
}
