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
        assertThat(Events.statusAfter(new ReportSignedOff(UUID.randomUUID(), at, "r", ORG, WHO, "t")))
                .contains("signed-off");
        assertThat(Events.statusAfter(new ReportClosed(UUID.randomUUID(), at, "r", ORG, WHO, Outcome.ADOPTED, null)))
                .contains("closed");
        assertThat(Events.statusAfter(new ReportWithdrawn(UUID.randomUUID(), at, "r", ORG, WHO, null)))
                .contains("withdrawn");
        assertThat(Events.statusAfter(new ReportDraftSaved(UUID.randomUUID(), at, "r", ORG, WHO, 1, null))).isEmpty();
        assertThat(Events.statusAfter(new ReportDraftDiscarded(UUID.randomUUID(), at, "r", ORG, WHO))).isEmpty();
    }

    @Test
    void theCloudEventsTypeCarriesTheLogicalNameAndTheSchemaVersion() {
        var event = new ReportDraftDiscarded(UUID.randomUUID(), Instant.now(), "r", ORG, WHO);
        assertThat(Events.cloudEventType(event)).isEqualTo("io.minyi.report.draft-discarded.v1");
    }
}
