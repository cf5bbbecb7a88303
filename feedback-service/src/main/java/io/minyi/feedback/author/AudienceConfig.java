package io.minyi.feedback.author;

import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.OutboxRelays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AudienceConfig {

    @Bean
    OutboxRelay audienceOutbox(OutboxRelays relays) {
        return relays.forCollection(Audiences.COLLECTION);
    }
}
