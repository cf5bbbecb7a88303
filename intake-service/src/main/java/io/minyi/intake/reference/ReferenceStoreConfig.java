package io.minyi.intake.reference;

import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.OutboxRelays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ReferenceStoreConfig {

    /** Publishes the reference changes waiting in the entries' outboxes to the reference topic. */
    @Bean
    OutboxRelay referenceOutbox(OutboxRelays relays) {
        return relays.forCollection(ReferenceStore.COLLECTION);
    }
}
