package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The level of the party or government leader who gave an instruction (批示领导级别), for counting by rank. */
public enum LeaderLevel implements WireNamed {
    @JsonProperty("district") DISTRICT("district", "区（县）级领导"),
    @JsonProperty("city") CITY("city", "市级领导"),
    @JsonProperty("province") PROVINCE("province", "省级领导"),
    @JsonProperty("national") NATIONAL("national", "国家级领导");

    private final Names names;

    LeaderLevel(String wire, String label) {
        this.names = new Names(wire, label);
    }

    @Override
    public Names names() {
        return names;
    }

    public static LeaderLevel fromWireName(String name) {
        return WireNamed.fromWireName(LeaderLevel.class, name);
    }
}
