package io.minyi.intake.report.domain;

import io.minyi.contracts.Events;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.WireNamed;

import java.util.Optional;

/**
 * Where a submitted report stands, as far as its author and the listing need to know; learnt from the
 * workflow's events. The rank only grows, so a redelivered or late event never moves a report back.
 */
public enum ReportStatus implements WireNamed {
    SUBMITTED("submitted", "已提交", 10),
    SIGNED_OFF("signed-off", "已签发", 20),
    ASSIGNED("assigned", "已交办", 30),
    RESPONDED("responded", "已答复", 40),
    CLOSED("closed", "已办结", 50),
    WITHDRAWN("withdrawn", "已撤回", 90);

    private final Names names;
    private final int rank;

    ReportStatus(String wireName, String label, int rank) {
        this.names = new Names(wireName, label);
        this.rank = rank;
    }

    @Override
    public Names names() {
        return names;
    }

    public int rank() {
        return rank;
    }

    /** The status a report has once {@code event} happened to it; empty for events that do not move it. */
    public static Optional<ReportStatus> after(ReportEvent event) {
        return Events.statusAfter(event).map(name -> WireNamed.fromWireName(ReportStatus.class, name));
    }
}
