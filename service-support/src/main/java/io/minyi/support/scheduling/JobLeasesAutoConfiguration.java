package io.minyi.support.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Scheduled jobs that act on shared data (the department feed, retention, supervision reminders, the
 * morning summaries, the Keycloak event poll, draft purges) take a lease in the service's own MongoDB
 * ({@code job_leases}, one document per job, ShedLock) before they run, so with any number of replicas
 * each runs once per period. A job's lease lasts at least its {@code lockAtLeastFor} (one period, so a
 * second replica whose timer fires a moment later finds it taken). While a run lasts, its lease is kept
 * alive (extended by {@code lockAtMostFor}, 30 s unless a job says more, every half of that), so a long run
 * keeps it and a replica that crashed mid-run frees the job within {@code lockAtMostFor}: a job that runs
 * every second is not stopped for minutes by one {@code kill -9}. Jobs that keep an instance's own memory
 * current (the similarity and search indexes, live figures, reference data) run on every replica and
 * take no lease. {@code minyi.jobs.runs} and {@code minyi.jobs.skipped} count, per job, the runs this
 * instance made and the times it found the lease taken.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnBean(MongoDatabaseFactory.class)
@EnableSchedulerLock(defaultLockAtMostFor = "${minyi.jobs.lock-at-most-for:PT30S}")
public class JobLeasesAutoConfiguration {

    /** The collection holding one lease document per job. */
    public static final String COLLECTION = "job_leases";

    /**
     * The lease store, with one thread of its own extending the leases of runs in progress. That thread is
     * no bean: a {@code ScheduledExecutorService} bean would become every {@code @Scheduled} job's scheduler
     * (and replace Boot's), so a long run would hold up its own keep-alive.
     */
    @Bean
    @ConditionalOnMissingBean
    LockProvider jobLeases(MongoDatabaseFactory mongo, MeterRegistry meters) {
        MongoLockProvider store = new MongoLockProvider(mongo.getMongoDatabase().getCollection(COLLECTION));
        ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(run -> {
            Thread thread = new Thread(run, "job-lease-keep-alive");
            thread.setDaemon(true);
            return thread;
        });
        return new CountedLeases(new KeepAliveLockProvider(store, keepAlive), meters, keepAlive::shutdownNow);
    }
}
