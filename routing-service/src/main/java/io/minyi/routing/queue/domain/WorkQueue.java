package io.minyi.routing.queue.domain;

import io.minyi.contracts.ReportStatus;
import io.minyi.contracts.WireNamed;

import java.util.EnumSet;
import java.util.Set;

/**
 * The office's work queues: what waits for whom at the caller's own body (the body handling the
 * report now). Each names the states it holds and the roles that work it.
 */
public enum WorkQueue implements WireNamed {
    EDITING("editing", "待采编", EnumSet.of(ReportStatus.SUBMITTED, ReportStatus.FORWARDED_UP, ReportStatus.EDITING),
            Set.of("editor")),
    RETURNED("returned", "退回修改中", EnumSet.of(ReportStatus.RETURNED), Set.of("editor")),
    SIGN_OFF("sign-off", "待签发", EnumSet.of(ReportStatus.EDITING), Set.of("leader")),
    /** Signed off, with the leaders, bounced back, or instructed by a leader who ordered assignment. */
    ASSIGNMENT("assignment", "待交办", EnumSet.of(ReportStatus.SIGNED_OFF, ReportStatus.FORWARDED,
            ReportStatus.BOUNCED), Set.of("editor", "leader"), Instructed.ORDERING_ASSIGNMENT),
    HANDLING("handling", "办理中", EnumSet.of(ReportStatus.ASSIGNED, ReportStatus.HANDLING), Set.of("editor", "leader")),
    /** Answered by the department, or instructed without an order to assign (the office records what came of it). */
    OUTCOME("outcome", "待认定结果", EnumSet.of(ReportStatus.RESPONDED), Set.of("editor"), Instructed.NOT_ORDERING),
    CLOSING("closing", "待办结", EnumSet.of(ReportStatus.ADOPTED, ReportStatus.NOT_ADOPTED), Set.of("editor"));

    /** Which instructed reports (已批示) a queue holds besides its states. */
    public enum Instructed {
        NONE, ORDERING_ASSIGNMENT, NOT_ORDERING
    }

    private final Names names;
    private final Set<ReportStatus> statuses;
    private final Set<String> roles;
    private final Instructed instructed;

    WorkQueue(String wireName, String label, Set<ReportStatus> statuses, Set<String> roles) {
        this(wireName, label, statuses, roles, Instructed.NONE);
    }

    WorkQueue(String wireName, String label, Set<ReportStatus> statuses, Set<String> roles, Instructed instructed) {
        this.names = new Names(wireName, label);
        this.statuses = statuses;
        this.roles = roles;
        this.instructed = instructed;
    }

    public Instructed instructed() {
        return instructed;
    }

    @Override
    public Names names() {
        return names;
    }

    public Set<ReportStatus> statuses() {
        return statuses;
    }

    /** The roles that work this queue (admins may look at every queue). */
    public Set<String> roles() {
        return roles;
    }

    /** How a queue is ordered. */
    public enum Order implements WireNamed {
        OLDEST("oldest", "先到先办"),
        NEWEST("newest", "最新在前"),
        DEADLINE("deadline", "期限最近在前"),
        URGENCY("urgency", "最紧急在前");

        private final Names names;

        Order(String wireName, String label) {
            this.names = new Names(wireName, label);
        }

        @Override
        public Names names() {
            return names;
        }
    }
}
