package io.minyi.routing.supervision;

import io.minyi.routing.supervision.domain.Reminders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class SupervisionConfig {

    /** How many working days before a deadline the department is reminded; how many after it it is escalated (督办). */
    @Bean
    Reminders reminders(@Value("${minyi.supervision.due-soon-days:2}") int daysBefore,
                        @Value("${minyi.supervision.escalate-after-days:3}") int escalateAfter) {
        return new Reminders(daysBefore, escalateAfter);
    }
}
