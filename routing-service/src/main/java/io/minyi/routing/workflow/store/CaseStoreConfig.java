package io.minyi.routing.workflow.store;

import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.OutboxRelays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CaseStoreConfig {

    @Bean
    OutboxRelay caseOutbox(OutboxRelays relays) {
        return relays.forCollection(CaseStore.COLLECTION);
    }
}
