package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * One report state change. Every event carries its own id (for de-duplication), the time it
 * happened, the report it belongs to (the Kafka key), the org of the report and the actor.
 * On the wire the {@code type} property holds a stable logical name, never a Java class name.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ReportSubmitted.class, name = ReportSubmitted.TYPE),
        @JsonSubTypes.Type(value = ReportSignedOff.class, name = ReportSignedOff.TYPE),
        @JsonSubTypes.Type(value = ReportAssigned.class, name = ReportAssigned.TYPE),
        @JsonSubTypes.Type(value = ReportResponded.class, name = ReportResponded.TYPE),
        @JsonSubTypes.Type(value = ReportClosed.class, name = ReportClosed.TYPE),
        @JsonSubTypes.Type(value = ReportDraftSaved.class, name = ReportDraftSaved.TYPE),
        @JsonSubTypes.Type(value = ReportDraftDiscarded.class, name = ReportDraftDiscarded.TYPE),
        @JsonSubTypes.Type(value = ReportWithdrawn.class, name = ReportWithdrawn.TYPE),
        @JsonSubTypes.Type(value = ReportEditingStarted.class, name = ReportEditingStarted.TYPE),
        @JsonSubTypes.Type(value = ReportEdited.class, name = ReportEdited.TYPE),
        @JsonSubTypes.Type(value = ReportReturned.class, name = ReportReturned.TYPE),
        @JsonSubTypes.Type(value = ReportResubmitted.class, name = ReportResubmitted.TYPE),
        @JsonSubTypes.Type(value = ReportRejected.class, name = ReportRejected.TYPE),
        @JsonSubTypes.Type(value = ReportMerged.class, name = ReportMerged.TYPE),
        @JsonSubTypes.Type(value = ReportCredited.class, name = ReportCredited.TYPE),
        @JsonSubTypes.Type(value = ReportOutcomeDecided.class, name = ReportOutcomeDecided.TYPE),
        @JsonSubTypes.Type(value = AssignmentDueSoon.class, name = AssignmentDueSoon.TYPE),
        @JsonSubTypes.Type(value = AssignmentOverdue.class, name = AssignmentOverdue.TYPE),
        @JsonSubTypes.Type(value = ReportForwarded.class, name = ReportForwarded.TYPE),
        @JsonSubTypes.Type(value = ReportInstructed.class, name = ReportInstructed.TYPE),
        @JsonSubTypes.Type(value = ReportInBulletin.class, name = ReportInBulletin.TYPE),
        @JsonSubTypes.Type(value = AssignmentBounced.class, name = AssignmentBounced.TYPE),
        @JsonSubTypes.Type(value = ExtensionRequested.class, name = ExtensionRequested.TYPE),
        @JsonSubTypes.Type(value = ExtensionDecided.class, name = ExtensionDecided.TYPE),
        @JsonSubTypes.Type(value = AssignmentAccepted.class, name = AssignmentAccepted.TYPE),
        @JsonSubTypes.Type(value = ReplyReturned.class, name = ReplyReturned.TYPE),
        @JsonSubTypes.Type(value = AssignmentProgressNoted.class, name = AssignmentProgressNoted.TYPE),
        @JsonSubTypes.Type(value = AssignmentPartSubmitted.class, name = AssignmentPartSubmitted.TYPE),
        @JsonSubTypes.Type(value = ReportRated.class, name = ReportRated.TYPE),
        @JsonSubTypes.Type(value = ReopenRequested.class, name = ReopenRequested.TYPE),
        @JsonSubTypes.Type(value = ReopenDecided.class, name = ReopenDecided.TYPE),
        @JsonSubTypes.Type(value = FollowUpScheduled.class, name = FollowUpScheduled.TYPE),
        @JsonSubTypes.Type(value = FollowUpCompleted.class, name = FollowUpCompleted.TYPE),
        @JsonSubTypes.Type(value = AssignmentDeadlineRecomputed.class, name = AssignmentDeadlineRecomputed.TYPE),
        @JsonSubTypes.Type(value = AssignmentUrged.class, name = AssignmentUrged.TYPE),
        @JsonSubTypes.Type(value = AssignmentEscalated.class, name = AssignmentEscalated.TYPE)
})
public sealed interface ReportEvent
        permits ReportSubmitted, ReportSignedOff, ReportAssigned, ReportResponded, ReportClosed,
        ReportDraftSaved, ReportDraftDiscarded, ReportWithdrawn, ReportEditingStarted, ReportEdited, ReportReturned,
        ReportResubmitted, ReportRejected, ReportMerged, ReportCredited, ReportOutcomeDecided, AssignmentDueSoon, AssignmentOverdue,
        ReportForwarded, ReportInstructed, ReportInBulletin, AssignmentBounced, ExtensionRequested, ExtensionDecided,
        AssignmentAccepted, ReplyReturned, AssignmentProgressNoted, AssignmentPartSubmitted, ReportRated,
        ReopenRequested, ReopenDecided, FollowUpScheduled, FollowUpCompleted, AssignmentDeadlineRecomputed, AssignmentUrged,
        AssignmentEscalated {

    /** Version of the event schema; additive changes only within a version. */
    int SCHEMA_VERSION = 1;

    UUID eventId();

    Instant occurredAt();

    String reportId();

    OrgPath org();

    Actor actor();

    /** The stable logical type name, e.g. {@code report.submitted}. */
    String eventType();
}
