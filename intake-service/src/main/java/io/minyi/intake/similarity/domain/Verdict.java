package io.minyi.intake.similarity.domain;

import io.minyi.contracts.WireNamed;

/** What an editor is told about a candidate: one calibrated judgement instead of a raw score. */
public enum Verdict implements WireNamed {
    LIKELY_DUPLICATE("likely-duplicate", "很可能重复"),
    POSSIBLY_RELATED("possibly-related", "可能相关");

    private final Names names;

    Verdict(String wire, String label) {
        this.names = new Names(wire, label);
    }

    @Override
    public Names names() {
        return names;
    }
}
