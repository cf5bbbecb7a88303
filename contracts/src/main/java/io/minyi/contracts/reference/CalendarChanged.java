package io.minyi.contracts.reference;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One year of the working calendar as the administrator entered it from the State Council's notice:
 * the public holidays (法定节假日 and the days off around them) and the weekend days worked in exchange
 * (调休上班). Every other Monday to Friday is a working day.
 */
public record CalendarChanged(UUID eventId, Instant occurredAt, String actor, long revision, int year,
                              List<LocalDate> holidays, List<LocalDate> workingWeekends, String source)
        implements ReferenceEvent {

    public static final String TYPE = "reference.calendar-changed";

    public CalendarChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        workingWeekends = workingWeekends == null ? List.of() : List.copyOf(workingWeekends);
    }

    @Override
    public String key() {
        return "calendar:" + year;
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
