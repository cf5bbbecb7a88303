package io.minyi.testsupport;

import io.minyi.contracts.reference.ReferenceChanged;
import io.minyi.contracts.reference.ReferenceEvent;
import io.minyi.support.messaging.CloudEventsKafka;
import io.minyi.support.outbox.PendingEvent;
import io.minyi.support.reference.ReferenceReplica;
import io.minyi.support.reference.ShippedCatalog;
import org.awaitility.Awaitility;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What intake-service publishes when it starts on an empty store — the shipped demo catalogue and
 * calendar on the reference topic — for a test context of any other service, which learns every name
 * and department from those events. The context is ready once its replica holds them all.
 */
public final class ReferenceSeed implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addApplicationListener((ApplicationListener<ApplicationReadyEvent>) ready -> {
            var replica = ready.getApplicationContext().getBeanProvider(ReferenceReplica.class).getIfAvailable();
            if (replica != null) {
                @SuppressWarnings("unchecked")
                KafkaTemplate<String, byte[]> kafka = ready.getApplicationContext().getBean(KafkaTemplate.class);
                publish(kafka, replica, ShippedCatalog.events(Instant.now()));
            }
        });
    }

    /** Publishes the changes as intake-service would and waits until the replica has taken them in. */
    public static void publish(KafkaTemplate<String, byte[]> kafka, ReferenceReplica replica,
                               List<? extends ReferenceEvent> events) {
        long before = replica.applied();
        for (ReferenceEvent e : events) {
            kafka.send(CloudEventsKafka.record(PendingEvent.of(e), "/minyi/intake-service")).join();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> replica.applied() >= before + events.size()
                && events.stream().allMatch(e -> replica.revision(e.key()) >= e.revision()));
    }

    /** A department of the registry, as an administrator would have added it (revision given). */
    public static ReferenceChanged department(String code, String name, String org, boolean active, long revision) {
        return new ReferenceChanged(UUID.randomUUID(), Instant.now(), "test-admin", revision, "departments", code, name,
                org, active, List.of(), new ReferenceChanged.Department(name, "party-government", "联系人", null, null));
    }
}
