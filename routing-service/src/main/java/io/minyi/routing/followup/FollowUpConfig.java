package io.minyi.routing.followup;

import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.OutboxRelays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class FollowUpConfig {

    @Bean
    OutboxRelay followUpOutbox(OutboxRelays relays) {
        return relays.forCollection(FollowUps.COLLECTION);
    }
}
