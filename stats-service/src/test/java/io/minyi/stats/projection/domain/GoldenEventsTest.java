package io.minyi.stats.projection.domain;

import io.minyi.testsupport.GoldenEvents;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer contract of the statistics: every golden file of every report event (current and legacy) folds
 * into a report's facts, and its redelivery changes nothing.
 */
class GoldenEventsTest {

    @Test
    void everyVersionOfEveryEventFoldsInAndItsRedeliveryChangesNothing() {
        List<String> failures = new ArrayList<>();
        GoldenEvents.all().forEach((file, event) -> {
            ReportFact fact = ReportFact.of(event.reportId(), event.org().value());
            try {
                assertThat(fact.apply(event)).as(file).isTrue();
                FactView once = fact.view();
                assertThat(fact.apply(event)).as(file + " again").isFalse();
                assertThat(fact.view()).as(file + " unchanged").isEqualTo(once);
            } catch (RuntimeException | AssertionError e) {
                failures.add(file + ": " + e.getMessage());
            }
        });
        assertThat(failures).isEmpty();
    }
}
