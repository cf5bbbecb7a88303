package io.minyi.e2e;

/** Steps of a load or a wait that may fail while parts of the platform are down: a failure is a "no". */
final class Quietly {

    private Quietly() {
    }

    interface Check {
        boolean get() throws Exception;
    }

    /** The check's answer, false if it threw (a part down, a connection refused). */
    static boolean holds(Check check) {
        try {
            return check.get();
        } catch (Exception e) {
            return false;
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
