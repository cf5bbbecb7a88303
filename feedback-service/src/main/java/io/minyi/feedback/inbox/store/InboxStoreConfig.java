package io.minyi.feedback.inbox.store;

import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.OutboxRelays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class InboxStoreConfig {

    @Bean
    OutboxRelay inboxOutbox(OutboxRelays relays) {
        return relays.forCollection(InboxStore.COLLECTION);
    }
}
