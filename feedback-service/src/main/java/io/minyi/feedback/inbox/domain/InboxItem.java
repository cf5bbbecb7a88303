package io.minyi.feedback.inbox.domain;

import io.minyi.contracts.WireNamed;
import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportResponded;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A report assigned to a department, as that department's handler sees it. */
public record InboxItem(String reportId, String department, OrgPath org, String title, String body,
                        LocalDate deadline, Instant assignedAt, State state, String response, Outcome outcome) {

    public enum State implements WireNamed {
        ASSIGNED("assigned", "待办理"),
        RESPONDED("responded", "已答复"),
        CLOSED("closed", "已办结");

        private final Names names;

        State(String wireName, String label) {
            this.names = new Names(wireName, label);
        }

        @Override
        public Names names() {
            return names;
        }

        public static State fromWireName(String name) {
            return WireNamed.fromWireName(State.class, name);
        }
    }

    public static InboxItem assigned(ReportAssigned event) {
        return new InboxItem(event.reportId(), event.department(), event.org(), event.title(), event.body(),
                event.deadline(), event.occurredAt(), State.ASSIGNED, null, null);
    }

    public String id() {
        return id(reportId, department);
    }

    public static String id(String reportId, String department) {
        return reportId + "|" + department;
    }

    /** The department answers; only an item still awaiting its answer can be answered. */
    public Answer respond(Actor handler, String text, Instant now) {
        if (state != State.ASSIGNED) {
            throw new IllegalStateException("already " + state.wireName());
        }
        InboxItem next = new InboxItem(reportId, department, org, title, body, deadline, assignedAt,
                State.RESPONDED, text, null);
        return new Answer(next, new ReportResponded(UUID.randomUUID(), now, reportId, org, handler, department, text));
    }

    public record Answer(InboxItem next, ReportResponded event) {
    }
}
