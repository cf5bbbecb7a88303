package io.minyi.intake.similarity.domain;

import io.minyi.contracts.OrgPath;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embeddings and fingerprints of every recent active report, in memory, one flat array per city
 * tree: the candidates of a report are found by an exact scan of its city's vectors (a dot product of
 * {@value #DIMENSIONS} floats each; 10,000 reports take about 2 ms), then the lexical signal for the
 * few that come close. Putting is idempotent and replaces a report's vectors (after an edit);
 * reports older than the window are skipped and dropped by {@link #evict}.
 */
public final class VectorIndex {

    public static final int DIMENSIONS = 512;

    private final Duration window;
    private final Map<String, City> cities = new ConcurrentHashMap<>();

    public VectorIndex(Duration window) {
        this.window = window;
    }

    /** Adds, replaces or (when inactive) removes a report; false when it is older than the window. */
    public boolean put(ReportVector report, Instant now) {
        if (report.embeddingUnsafe().length != DIMENSIONS) {
            throw new IllegalArgumentException("expected " + DIMENSIONS + " dimensions");
        }
        City city = cities.computeIfAbsent(root(report.org()), r -> new City());
        if (!report.active() || report.submittedAt().isBefore(now.minus(window))) {
            city.remove(report.reportId());
            return false;
        }
        city.put(report);
        return true;
    }

    /** Takes a report out (merged, withdrawn): no longer offered as a candidate. */
    public void remove(String reportId, OrgPath org) {
        City city = cities.get(root(org));
        if (city != null) {
            city.remove(reportId);
        }
    }

    /** The report as indexed, if it is. */
    public Optional<ReportVector> get(String reportId, OrgPath org) {
        City city = cities.get(root(org));
        return city == null ? Optional.empty() : city.get(reportId);
    }

    /**
     * The recent reports of the report's city tree whose score reaches {@link SimilarReports#POSSIBLY_RELATED},
     * best first, at most {@link SimilarReports#MAX_CANDIDATES}; the report itself is left out.
     */
    public List<Candidate> similar(ReportVector report, Instant now) {
        return similar(report, null, now);
    }

    /** As {@link #similar(ReportVector, Instant)}, but scoring only {@code among} (proposed by an approximate index). */
    public List<Candidate> similar(ReportVector report, java.util.Collection<String> among, Instant now) {
        City city = cities.get(root(report.org()));
        return city == null ? List.of() : city.similar(report, among, now.minus(window).toEpochMilli());
    }

    /** How many reports the report's city tree holds. */
    public int citySize(OrgPath org) {
        City city = cities.get(root(org));
        return city == null ? 0 : city.size();
    }

    /** The city tree a body belongs to (its root). */
    public static String city(OrgPath org) {
        return root(org);
    }

    /** A report and its embedding cosine to another. */
    public record Near(String reportId, double score) {
    }

    /** The {@code limit} recent reports of the report's city tree nearest to it by embedding, best first. */
    public List<Near> nearest(ReportVector report, int limit, Instant now) {
        return nearest(report, null, limit, now);
    }

    public List<Near> nearest(ReportVector report, java.util.Collection<String> among, int limit, Instant now) {
        City city = cities.get(root(report.org()));
        return city == null ? List.of() : city.nearest(report, among, limit, now.minus(window).toEpochMilli());
    }

    /** Drops the reports that left the window; returns how many. */
    public int evict(Instant now) {
        long since = now.minus(window).toEpochMilli();
        return cities.values().stream().mapToInt(c -> c.evict(since)).sum();
    }

    public int size() {
        return cities.values().stream().mapToInt(City::size).sum();
    }

    private static String root(OrgPath org) {
        return org.selfAndAncestors().get(0);
    }

    /** A report's identity and fingerprint; its embedding lives in the city's flat array. */
    private record Entry(String reportId, OrgPath org, String title, Instant submittedAt, Fingerprint fingerprint) {
    }

    /** One city tree: slot i holds vectors[i*D .. i*D+D) and its entry; removed slots are null. */
    private static final class City {
        private static final int D = DIMENSIONS;
        private final ReadWriteLock lock = new ReentrantReadWriteLock();
        private final Map<String, Integer> slots = new HashMap<>();
        private float[] vectors = new float[64 * D];
        private Entry[] reports = new Entry[64];
        private int used;

        void put(ReportVector report) {
            lock.writeLock().lock();
            try {
                Integer slot = slots.get(report.reportId());
                if (slot == null) {
                    if (used == reports.length) {
                        vectors = Arrays.copyOf(vectors, vectors.length * 2);
                        reports = Arrays.copyOf(reports, reports.length * 2);
                    }
                    slot = used++;
                    slots.put(report.reportId(), slot);
                }
                System.arraycopy(report.embeddingUnsafe(), 0, vectors, slot * D, D);
                reports[slot] = new Entry(report.reportId(), report.org(), report.title(), report.submittedAt(),
                        report.fingerprint());
            } finally {
                lock.writeLock().unlock();
            }
        }

        Optional<ReportVector> get(String id) {
            lock.readLock().lock();
            try {
                Integer slot = slots.get(id);
                if (slot == null) {
                    return Optional.empty();
                }
                Entry e = reports[slot];
                return Optional.of(new ReportVector(e.reportId(), e.org(), e.title(), e.submittedAt(),
                        Arrays.copyOfRange(vectors, slot * D, slot * D + D), e.fingerprint(), true));
            } finally {
                lock.readLock().unlock();
            }
        }

        void remove(String id) {
            lock.writeLock().lock();
            try {
                Integer slot = slots.remove(id);
                if (slot != null) {
                    reports[slot] = null;
                }
            } finally {
                lock.writeLock().unlock();
            }
        }

        List<Candidate> similar(ReportVector probe, java.util.Collection<String> among, long since) {
            PriorityQueue<Candidate> best = new PriorityQueue<>(Comparator.comparingDouble(Candidate::score));
            scan(probe, among, since, (other, cosine) -> {
                if (cosine < SimilarReports.COSINE_FLOOR) {
                    return;
                }
                double score = SimilarReports.score(cosine, probe.fingerprint().similarity(other.fingerprint()));
                SimilarReports.verdict(score).ifPresent(verdict -> keep(best,
                        new Candidate(other.reportId(), other.org(), other.title(), score, verdict), SimilarReports.MAX_CANDIDATES));
            });
            List<Candidate> ranked = new ArrayList<>(best);
            ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
            return ranked;
        }

        List<Near> nearest(ReportVector probe, java.util.Collection<String> among, int limit, long since) {
            PriorityQueue<Near> best = new PriorityQueue<>(Comparator.comparingDouble(Near::score));
            scan(probe, among, since, (other, cosine) -> keep(best, new Near(other.reportId(), cosine), limit));
            List<Near> ranked = new ArrayList<>(best);
            ranked.sort(Comparator.comparingDouble(Near::score).reversed());
            return ranked;
        }

        private static <T> void keep(PriorityQueue<T> best, T candidate, int limit) {
            best.add(candidate);
            if (best.size() > limit) {
                best.poll();
            }
        }

        /**
         * Every other recent report of the city (or of {@code among}, when given) with its cosine to the
         * probe, under the read lock.
         */
        private void scan(ReportVector probe, java.util.Collection<String> among, long since,
                          java.util.function.ObjDoubleConsumer<Entry> visit) {
            float[] q = probe.embeddingUnsafe();
            lock.readLock().lock();
            try {
                if (among == null) {
                    for (int slot = 0; slot < used; slot++) {
                        visit(probe, since, slot, q, visit);
                    }
                } else {
                    for (String id : among) {
                        Integer slot = slots.get(id);
                        if (slot != null) {
                            visit(probe, since, slot, q, visit);
                        }
                    }
                }
            } finally {
                lock.readLock().unlock();
            }
        }

        private void visit(ReportVector probe, long since, int slot, float[] q, java.util.function.ObjDoubleConsumer<Entry> visit) {
            Entry other = reports[slot];
            if (other != null && other.submittedAt().toEpochMilli() >= since && !other.reportId().equals(probe.reportId())) {
                visit.accept(other, dot(vectors, slot * D, q));
            }
        }

        /** Four independent sums: the loop is not bound by one addition's latency (about 3× faster, measured). */
        private static double dot(float[] vectors, int base, float[] q) {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int i = 0; i < D; i += 4) {
                s0 += vectors[base + i] * q[i];
                s1 += vectors[base + i + 1] * q[i + 1];
                s2 += vectors[base + i + 2] * q[i + 2];
                s3 += vectors[base + i + 3] * q[i + 3];
            }
            return (s0 + s1) + (s2 + s3);
        }

        int evict(long since) {
            lock.writeLock().lock();
            try {
                int kept = 0;
                int dropped = 0;
                slots.clear();
                for (int slot = 0; slot < used; slot++) {
                    Entry r = reports[slot];
                    if (r == null || r.submittedAt().toEpochMilli() < since) {
                        dropped += r == null ? 0 : 1;
                        continue;
                    }
                    if (kept != slot) {
                        System.arraycopy(vectors, slot * D, vectors, kept * D, D);
                        reports[kept] = r;
                    }
                    slots.put(r.reportId(), kept++);
                }
                Arrays.fill(reports, kept, used, null);
                used = kept;
                return dropped;
            } finally {
                lock.writeLock().unlock();
            }
        }

        int size() {
            lock.readLock().lock();
            try {
                return slots.size();
            } finally {
                lock.readLock().unlock();
            }
        }
    }
}
