package io.minyi.stats.projection;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class ProjectionConfig {

    @Bean
    Projector.BusinessMetrics businessMetrics(MeterRegistry meters) {
        return new Projector.BusinessMetrics(meters);
    }
}
