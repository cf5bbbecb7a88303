package io.minyi.routing.calendar;

import io.minyi.routing.calendar.domain.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/**
 * Loads the working calendar from {@code minyi.calendar.location} (default: the one shipped, with the
 * State Council's holidays). Operators add each year's holidays when they are published; the service
 * warns from November on when next year's are still missing.
 */
@Configuration
class CalendarConfig {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfig.class);

    @Bean
    WorkingCalendar workingCalendar(@Value("${minyi.calendar.location:classpath:calendar/cn-working-calendar.json}")
                                    Resource location, Clock clock) throws IOException {
        try (InputStream in = location.getInputStream()) {
            JsonNode json = JsonMapper.builder().build().readTree(in);
            WorkingCalendar calendar = new WorkingCalendar(dates(json.path("holidays")),
                    dates(json.path("workingWeekends")));
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
            Year next = Year.from(today).plusYears(1);
            if (today.getMonthValue() >= 11 && !calendar.knows(next)) {
                log.warn("The working calendar ({}) has no holidays for {} yet: add them when the State Council "
                        + "publishes them, or deadlines will count those holidays as working days", location, next);
            }
            return calendar;
        }
    }

    private static Set<LocalDate> dates(JsonNode array) {
        Set<LocalDate> dates = new HashSet<>();
        array.forEach(d -> dates.add(LocalDate.parse(d.asString())));
        return dates;
    }
}
