package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who adopted a report (采纳/采用): a department, the district, the city, the province, or at national level. */
public enum AdoptionLevel implements WireNamed {
    @JsonProperty("department") DEPARTMENT("department", "部门采纳"),
    @JsonProperty("district") DISTRICT("district", "区级采纳"),
    @JsonProperty("city") CITY("city", "市级采纳"),
    @JsonProperty("province") PROVINCE("province", "省级采纳"),
    @JsonProperty("national") NATIONAL("national", "全国政协采用");

    private final Names names;

    AdoptionLevel(String wire, String label) {
        this.names = new Names(wire, label);
    }

    @Override
    public Names names() {
        return names;
    }

    public static AdoptionLevel fromWireName(String name) {
        return WireNamed.fromWireName(AdoptionLevel.class, name);
    }
}
