package io.minyi.routing;

import io.minyi.contracts.reference.CalendarChanged;
import io.minyi.routing.calendar.domain.WorkingCalendar;
import io.minyi.support.reference.ReferenceReplica;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReferenceSeed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The working calendar comes from the reference events and changes without a restart. */
@MinyiServiceIT
class LiveCalendarIT {

    @Autowired WorkingCalendar calendar;
    @Autowired ReferenceReplica replica;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired @Qualifier("calendarHealth") HealthIndicator health;

    @Test
    void theShippedYearArrivesAsEventsAndAYearEnteredLaterCountsAtOnce() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("调休 Saturday, from the seed events").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).as("国庆").isFalse();

        LocalDate monday = LocalDate.of(2098, 3, 3);
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        ReferenceSeed.publish(kafka, replica, List.of(new CalendarChanged(UUID.randomUUID(), Instant.now(), "admin", 1,
                2098, List.of(monday), List.of(LocalDate.of(2098, 3, 8)), "测试")));
        assertThat(calendar.isWorkingDay(monday)).as("declared a holiday later").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2098, 3, 8))).as("a Saturday worked").isTrue();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2098, 2, 28), 1)).isEqualTo(LocalDate.of(2098, 3, 4));

        ReferenceSeed.publish(kafka, replica, List.of(new CalendarChanged(UUID.randomUUID(), Instant.now(), "admin", 2,
                2098, List.of(), List.of(), "更正")));
        assertThat(calendar.isWorkingDay(monday)).as("a correction takes the holiday back").isTrue();
    }

    @Test
    void healthWarnsWhileThisOrNextYearIsMissing() {
        var details = health.health().getDetails();
        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        boolean late = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getMonthValue() >= 11;
        boolean missing = !replica.calendarYears().containsKey(year) || late && !replica.calendarYears().containsKey(year + 1);
        assertThat(details.containsKey("warning")).isEqualTo(missing);
    }
}
