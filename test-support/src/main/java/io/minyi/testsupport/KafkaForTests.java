package io.minyi.testsupport;

import io.minyi.contracts.Events;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker of a test's own Spring context, stopped when the context closes: a Kafka 4.1 container
 * where {@link Containers#enabled()}, otherwise the real broker in process (KRaft). Either way the report
 * topic exists with two partitions before the context starts, and {@code spring.kafka.bootstrap-servers}
 * points at it.
 */
public final class KafkaForTests implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final int PARTITIONS = 2;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String bootstrap;
        Runnable stop;
        if (Containers.enabled()) {
            KafkaContainer kafka = new KafkaContainer(Containers.KAFKA);
            kafka.start();
            bootstrap = kafka.getBootstrapServers();
            stop = kafka::stop;
            createReportTopic(bootstrap);
        } else {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, Events.TOPIC);
            broker.afterPropertiesSet();
            bootstrap = broker.getBrokersAsString();
            stop = broker::destroy;
        }
        // destroyed after every bean of the context (registered first, so disposed of last): the listeners and
        // the outbox relays stop before the broker goes
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("kafkaForTests", stop::run);
        TestPropertyValues.of("spring.kafka.bootstrap-servers=" + bootstrap).applyTo(context);
    }

    private static void createReportTopic(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(Events.TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + Events.TOPIC + " on the Kafka container", e);
        }
    }
}
