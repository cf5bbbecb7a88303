package io.minyi.support.scheduling;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leases' keep-alive thread stays the leases' own: the service's scheduled jobs keep Boot's scheduler
 * (a {@code ScheduledExecutorService} bean would have replaced it, and a long run would then have held up
 * the keep-alive of its own lease).
 */
class JobLeasesAutoConfigurationTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void scheduledJobsKeepBootsSchedulerAndTheLeasesTheirOwnThread() {
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/routing";
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class, JobLeasesAutoConfiguration.class))
                .withBean(MongoClient.class, () -> MongoClients.create(uri))
                .withUserConfiguration(Service.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(LockProvider.class);
                    assertThat(context.getBeansOfType(ScheduledExecutorService.class)).isEmpty();
                    assertThat(context).hasSingleBean(TaskScheduler.class);
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Service {

        @Bean
        MongoDatabaseFactory mongo(MongoClient client) {
            return new SimpleMongoClientDatabaseFactory(client, "routing");
        }

        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }
    }
}
