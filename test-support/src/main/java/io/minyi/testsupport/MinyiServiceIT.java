package io.minyi.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service's whole Spring context against a real Kafka 4 broker and MongoDB — containers where a Docker
 * engine answers ({@link Containers}), otherwise the broker in process and the MongoDB stand-in; requests go through MockMvc with tokens from {@link Callers}. All test classes
 * of a module with the same annotation share one context, so the broker starts once. A service that keeps
 * a reference replica starts with the demo catalogue published to it, as intake-service would publish it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = {KafkaForTests.class, MongoStandIn.class, MailStandIn.class, ReferenceSeed.class})
@TestPropertySource(properties = {
        "minyi.outbox.sweep-interval=200ms",
        // tests run the supervision timers themselves: a background scan would race their assertions
        "minyi.supervision.initial-delay=PT24H",
        // no Keycloak in these tests: its sign-in events are read in the end-to-end suites
        "minyi.audit.keycloak.enabled=false",
        // nor people's addresses from Keycloak accounts: a notice to a person has no address here, a department's does
        "minyi.notify.accounts.enabled=false",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/unused-in-tests"
})
public @interface MinyiServiceIT {
}
