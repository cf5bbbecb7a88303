package io.minyi.support.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

import java.util.Optional;

/** The lease store, counting per job how often this instance ran it and how often it found it taken. */
final class CountedLeases implements LockProvider {

    private final LockProvider leases;
    private final MeterRegistry meters;

    CountedLeases(LockProvider leases, MeterRegistry meters) {
        this.leases = leases;
        this.meters = meters;
    }

    @Override
    public Optional<SimpleLock> lock(LockConfiguration job) {
        Optional<SimpleLock> lease = leases.lock(job);
        meters.counter(lease.isPresent() ? "minyi.jobs.runs" : "minyi.jobs.skipped", "job", job.getName()).increment();
        return lease;
    }
}
