package io.minyi.support.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

import java.util.Optional;

/**
 * The lease store, counting per job how often this instance ran it and how often it found it taken; closing
 * it (when the context closes) stops what keeps its leases alive.
 */
final class CountedLeases implements LockProvider, AutoCloseable {

    private final LockProvider leases;
    private final MeterRegistry meters;
    private final Runnable close;

    CountedLeases(LockProvider leases, MeterRegistry meters, Runnable close) {
        this.leases = leases;
        this.meters = meters;
        this.close = close;
    }

    @Override
    public void close() {
        close.run();
    }

    @Override
    public Optional<SimpleLock> lock(LockConfiguration job) {
        Optional<SimpleLock> lease = leases.lock(job);
        meters.counter(lease.isPresent() ? "minyi.jobs.runs" : "minyi.jobs.skipped", "job", job.getName()).increment();
        return lease;
    }
}
