package io.minyi.intake.draft;

import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.OutboxRelays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class DraftConfig {

    @Bean
    OutboxRelay draftOutbox(OutboxRelays relays) {
        return relays.forCollection(DraftStore.COLLECTION);
    }
}
