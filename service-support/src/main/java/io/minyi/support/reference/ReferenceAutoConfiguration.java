package io.minyi.support.reference;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The reference replica of every service but the one that owns the lists (intake-service sets
 * {@code minyi.reference.replica.enabled=false} and reads its own store).
 */
@AutoConfiguration
@ConditionalOnProperty(name = "minyi.reference.replica.enabled", havingValue = "true", matchIfMissing = true)
public class ReferenceAutoConfiguration {

    @Bean
    ReferenceReplica referenceReplica(MongoTemplate mongo, ObjectProvider<ReferenceChangeHandler> handlers,
                                      MeterRegistry meters) {
        return new ReferenceReplica(mongo, handlers, meters);
    }
}
