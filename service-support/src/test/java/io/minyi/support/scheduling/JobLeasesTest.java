package io.minyi.support.scheduling;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Two replicas of a service, each with its own connection to the one store, firing the same job: the
 * lease lets exactly one run it per period, a run longer than {@code lockAtMostFor} keeps its lease alive,
 * and a replica that dies holding it frees the job after {@code lockAtMostFor} (30 s, not minutes: the
 * department feed runs every second). Time is the lease store's clock, moved by the test; the keep-alive
 * extensions run when the test says.
 */
class JobLeasesTest {

    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final List<MongoClient> clients = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-07T01:00:00Z");
    private CountedLeases first;
    private CountedLeases second;
    private SimpleMeterRegistry firstMeters;
    private SimpleMeterRegistry secondMeters;
    private final List<Runnable> keepAlive = new ArrayList<>();

    @BeforeEach
    void twoReplicas() {
        server.bind("127.0.0.1", 0);
        ClockProvider.setClock(new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now; }
        });
        firstMeters = new SimpleMeterRegistry();
        secondMeters = new SimpleMeterRegistry();
        first = new CountedLeases(replica(), firstMeters, () -> { });
        second = new CountedLeases(replica(), secondMeters, () -> { });
    }

    @AfterEach
    void stop() {
        ClockProvider.setClock(Clock.systemUTC());
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }

    @Test
    void twoReplicasFiringTogetherRunTheJobOncePerPeriod() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int period = 0; period < 20; period++) {
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Boolean> a = pool.submit(fire(first, together));
                Future<Boolean> b = pool.submit(fire(second, together));
                assertThat(List.of(a.get(), b.get())).as("period %d", period).containsOnlyOnce(true);
                now = now.plus(PERIOD).plusMillis(1);
            }
        } finally {
            pool.shutdownNow();
        }
        double runs = runs(firstMeters, "minyi.jobs.runs") + runs(secondMeters, "minyi.jobs.runs");
        double skipped = runs(firstMeters, "minyi.jobs.skipped") + runs(secondMeters, "minyi.jobs.skipped");
        assertThat(runs).isEqualTo(20);
        assertThat(skipped).isEqualTo(20);
    }

    @Test
    void aRunThatEndsEarlyStillHoldsTheLeaseForThePeriod() {
        first.lock(job()).orElseThrow().unlock();
        now = now.plusMillis(500);
        assertThat(second.lock(job())).as("the other replica's timer half a period later").isEmpty();
        now = now.plus(PERIOD);
        assertThat(second.lock(job())).isPresent();
    }

    @Test
    void aReplicaThatDiesHoldingTheLeaseFreesTheJobAfterLockAtMostFor() {
        Optional<SimpleLock> held = first.lock(job()); // and the replica is killed: never unlocked, never extended
        assertThat(held).isPresent();
        now = now.plusSeconds(20);
        assertThat(second.lock(job())).isEmpty();
        now = now.plus(AT_MOST);
        assertThat(second.lock(job())).as("taken over half a minute after the crash").isPresent();
    }

    @Test
    void aRunLongerThanLockAtMostForKeepsItsLease() {
        SimpleLock running = first.lock(job()).orElseThrow();
        for (int half = 0; half < 6; half++) { // three minutes of a run, extended every 15 s
            now = now.plus(AT_MOST.dividedBy(2));
            keepAlive.forEach(Runnable::run);
            assertThat(second.lock(job())).as("while the run is alive, after %d s", (half + 1) * 15).isEmpty();
        }
        running.unlock();
        now = now.plusMillis(1);
        assertThat(second.lock(job())).as("free once the run ends").isPresent();
    }

    private Callable<Boolean> fire(CountedLeases replica, CyclicBarrier together) {
        return () -> {
            together.await();
            Optional<SimpleLock> lease = replica.lock(job());
            lease.ifPresent(SimpleLock::unlock);
            return lease.isPresent();
        };
    }

    private LockConfiguration job() {
        return new LockConfiguration(now, "supervision-scan", AT_MOST, PERIOD);
    }

    /** A replica's lease provider as the service builds it, its keep-alive timer in the test's hands. */
    private KeepAliveLockProvider replica() {
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        clients.add(client);
        ScheduledExecutorService timer = mock(ScheduledExecutorService.class);
        when(timer.scheduleAtFixedRate(any(), anyLong(), anyLong(), any())).thenAnswer(call -> {
            keepAlive.add(call.getArgument(0));
            return mock(ScheduledFuture.class);
        });
        return new KeepAliveLockProvider(new MongoLockProvider(
                client.getDatabase("routing").getCollection(JobLeasesAutoConfiguration.COLLECTION)), timer);
    }

    private static double runs(SimpleMeterRegistry meters, String name) {
        var counter = meters.find(name).tag("job", "supervision-scan").counter();
        return counter == null ? 0 : counter.count();
    }
}
