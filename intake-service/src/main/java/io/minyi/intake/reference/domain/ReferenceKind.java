package io.minyi.intake.reference.domain;

import io.minyi.contracts.WireNamed;

/** The lists the office maintains; the wire name is the list's name in the API and on the reference topic. */
public enum ReferenceKind implements WireNamed {
    TOPIC("topics", "议题分类"),
    SECTOR("sectors", "界别"),
    STATION("stations", "联系点/委员工作站"),
    ORG("orgs", "政协组织"),
    DEPARTMENT("departments", "承办单位");

    private final Names names;

    ReferenceKind(String wireName, String label) {
        this.names = new Names(wireName, label);
    }

    @Override
    public Names names() {
        return names;
    }
}
