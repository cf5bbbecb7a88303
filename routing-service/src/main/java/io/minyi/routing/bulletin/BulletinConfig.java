package io.minyi.routing.bulletin;

import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.OutboxRelays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class BulletinConfig {

    @Bean
    OutboxRelay bulletinOutbox(OutboxRelays relays) {
        return relays.forCollection(BulletinStore.COLLECTION);
    }
}
