package io.minyi.intake.background;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intake's background work (embedding texts for the similarity candidates, indexing them for search,
 * Lucene's merges) runs at the lowest CPU priority of the operating system: nice 19 for
 * the thread doing it, set with {@code setpriority(2)} through JNA (which ships with the embedding
 * library). On two cores an embedding burst otherwise took a whole core from the submissions and
 * clicks that people wait for; now the scheduler gives the request threads the CPU first, and the
 * projections catch up in the gaps (their lag is measured: {@code minyi_similarity_lag},
 * {@code minyi_search_lag}). Raising a thread's niceness needs no privilege; where the call is not
 * available (not Linux) the Java priority is lowered instead, which is only a hint. Only threads that do
 * nothing else are lowered (the projections' own consumer threads, Lucene's merge threads), never a shared
 * one such as Spring's scheduler: a reference-data reload on a lowered scheduler thread was descheduled
 * for so long that it overwrote a newer snapshot (the end-to-end suite saw it).
 */
public final class BackgroundPriority {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0;
    private static final int NICEST = 19;
    private static final ThreadLocal<Boolean> LOWERED = ThreadLocal.withInitial(() -> false);
    private static volatile boolean enabled = !"false".equals(System.getProperty("minyi.background.nice",
            System.getenv().getOrDefault("MINYI_BACKGROUND_NICE", "true")));
    private static volatile LibC libc;
    private static volatile boolean unavailable;

    interface LibC extends Library {
        int gettid();

        int setpriority(int which, int who, int priority);

        int getpriority(int which, int who);
    }

    private BackgroundPriority() {
    }

    /** Lowers the calling thread's priority, once per thread; cheap on every later call. */
    public static void enter() {
        if (!enabled || LOWERED.get()) {
            return;
        }
        LOWERED.set(true);
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        LibC c = libc();
        if (c == null) {
            return;
        }
        try {
            int tid = c.gettid();
            if (c.setpriority(PRIO_PROCESS, tid, NICEST) != 0) {
                log.warn("Could not lower the priority of {} (setpriority failed)", Thread.currentThread().getName());
            }
        } catch (RuntimeException | LinkageError e) {
            unavailable = true;
            log.info("Background threads keep their OS priority: {}", e.toString());
        }
    }

    /** The calling thread's niceness as the OS sees it (19 once lowered), or null where unknown. */
    public static Integer niceness() {
        LibC c = libc();
        if (c == null) {
            return null;
        }
        try {
            return c.getpriority(PRIO_PROCESS, c.gettid());
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static LibC libc() {
        if (unavailable) {
            return null;
        }
        if (libc == null) {
            try {
                libc = Native.load("c", LibC.class);
            } catch (RuntimeException | LinkageError e) {
                unavailable = true;
                log.info("Background threads keep their OS priority: {}", e.toString());
                return null;
            }
        }
        return libc;
    }
}
