package io.minyi.routing.workflow;

import io.minyi.routing.workflow.domain.DeadlinePolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WorkflowConfig {

    /** Working days a department has to answer, by urgency; the office may set another date per assignment. */
    @Bean
    DeadlinePolicy deadlinePolicy(@Value("${minyi.deadlines.very-urgent-days:3}") int veryUrgent,
                                  @Value("${minyi.deadlines.urgent-days:7}") int urgent,
                                  @Value("${minyi.deadlines.normal-days:15}") int normal) {
        return new DeadlinePolicy(veryUrgent, urgent, normal);
    }
}
