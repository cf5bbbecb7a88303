package io.minyi.contracts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventsTest {

    static final OrgPath ORG = OrgPath.of("haikou");
    static final Actor WHO = new Actor("u", "某", "member");

    @Test
    void lifecycleEventsNameTheStatusTheyLeadToAndDraftEventsNone() {
        Instant at = Instant.now();
        assertThat(ReportStatus.after(new ReportSignedOff(UUID.randomUUID(), at, "r", ORG, WHO, "t")))
                .contains(ReportStatus.SIGNED_OFF);
        assertThat(ReportStatus.after(new ReportClosed(UUID.randomUUID(), at, "r", ORG, WHO, Outcome.ADOPTED, null)))
                .contains(ReportStatus.CLOSED);
        assertThat(ReportStatus.after(new ReportWithdrawn(UUID.randomUUID(), at, "r", ORG, WHO, null)))
                .contains(ReportStatus.WITHDRAWN);
        assertThat(ReportStatus.after(new ReportDraftSaved(UUID.randomUUID(), at, "r", ORG, WHO, 1, null))).isEmpty();
        assertThat(ReportStatus.after(new ReportDraftDiscarded(UUID.randomUUID(), at, "r", ORG, WHO))).isEmpty();
    }

    @Test
    void theCloudEventsTypeCarriesTheLogicalNameAndTheSchemaVersion() {
        var event = new ReportDraftDiscarded(UUID.randomUUID(), Instant.now(), "r", ORG, WHO);
        assertThat(Events.cloudEventType(event)).isEqualTo("io.minyi.report.draft-discarded.v1");
    }

    @Test
    void aSignOffWrittenBeforeTheSameDayFieldsExistedStillDecodes() {
        String old = """
                {"type":"report.signed-off","eventId":"00000000-0000-4000-8000-000000000002",
                 "occurredAt":"2026-11-24T02:30:00Z","reportId":"r-1","org":"haikou",
                 "actor":{"id":"u","name":"某","role":"editor"},"title":"t"}""";
        ReportSignedOff event = (ReportSignedOff) EventCodec.fromJson(old.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(event.title()).isEqualTo("t");
        assertThat(event.sameDay()).isNull();
    }
}
