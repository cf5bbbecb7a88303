package io.minyi.contracts;

import java.util.Optional;
import java.util.Set;

/**
 * Where a report stands in its life: one vocabulary for every service, the wire name stable, the
 * label what users read. The workflow (routing) decides the transitions; the events name the result
 * ({@link #after}).
 */
public enum ReportStatus implements WireNamed {
    SUBMITTED("submitted", "已提交"),
    EDITING("editing", "采编中"),
    RETURNED("returned", "已退回修改"),
    SIGNED_OFF("signed-off", "已签发"),
    FORWARDED("forwarded", "已报送"),
    FORWARDED_UP("forwarded-up", "已报送上级"),
    INSTRUCTED("instructed", "已批示"),
    ASSIGNED("assigned", "已交办"),
    HANDLING("handling", "办理中"),
    BOUNCED("bounced", "待改派"),
    RESPONDED("responded", "已答复"),
    ADOPTED("adopted", "已采纳"),
    NOT_ADOPTED("not-adopted", "未采纳"),
    CLOSED("closed", "已办结"),
    REJECTED("rejected", "不予采用"),
    MERGED("merged", "已合并"),
    WITHDRAWN("withdrawn", "已撤回");

    /** States nothing follows (except that the office may reopen a closed report at its author's request). */
    public static final Set<ReportStatus> FINAL = Set.of(CLOSED, REJECTED, MERGED, WITHDRAWN);

    private final Names names;

    ReportStatus(String wireName, String label) {
        this.names = new Names(wireName, label);
    }

    @Override
    public Names names() {
        return names;
    }

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    public static ReportStatus fromWireName(String name) {
        return WireNamed.fromWireName(ReportStatus.class, name);
    }

    /** The status a report has once the event happened; empty for events that do not change it (drafts, edits). */
    public static Optional<ReportStatus> after(ReportEvent event) {
        if (event instanceof ReportForwarded forwarded) {
            return Optional.of(forwarded.up() ? FORWARDED_UP : FORWARDED);
        }
        if (event instanceof ReopenDecided reopen) {
            return reopen.approved() ? Optional.of(HANDLING) : Optional.empty();
        }
        if (event instanceof ReportOutcomeDecided decided) {
            return Optional.of(decided.outcome() == Outcome.ADOPTED ? ADOPTED : NOT_ADOPTED);
        }
        return Optional.ofNullable(switch (event.eventType()) {
            case ReportSubmitted.TYPE, ReportResubmitted.TYPE -> SUBMITTED;
            case ReportEditingStarted.TYPE -> EDITING;
            case ReportReturned.TYPE -> RETURNED;
            case ReportRejected.TYPE -> REJECTED;
            case ReportMerged.TYPE -> MERGED;
            case ReportSignedOff.TYPE -> SIGNED_OFF;
            case ReportInstructed.TYPE -> INSTRUCTED;
            case ReportAssigned.TYPE -> ASSIGNED;
            case AssignmentBounced.TYPE -> BOUNCED;
            case AssignmentAccepted.TYPE, ReplyReturned.TYPE -> HANDLING;
            case ReportResponded.TYPE -> RESPONDED;
            case ReportClosed.TYPE -> CLOSED;
            case ReportWithdrawn.TYPE -> WITHDRAWN;
            default -> null;
        });
    }
}
