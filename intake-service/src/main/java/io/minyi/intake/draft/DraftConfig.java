package io.minyi.intake.draft;

import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.OutboxRelays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DraftConfig {

    @Bean
    OutboxRelay draftOutbox(OutboxRelays relays) {
        return relays.forCollection(DraftStore.COLLECTION);
    }
}
