package io.minyi.intake.report.store;

import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.OutboxRelays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ReportStoreConfig {

    @Bean
    OutboxRelay reportOutbox(OutboxRelays relays) {
        return relays.forCollection(ReportStore.COLLECTION);
    }
}
