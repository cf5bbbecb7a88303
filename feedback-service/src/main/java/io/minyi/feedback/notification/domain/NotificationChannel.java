package io.minyi.feedback.notification.domain;

/**
 * A way to reach people besides the in-app notification centre (e-mail, SMS). An implementation that
 * throws leaves the notification pending on that channel; it is tried again later.
 */
public interface NotificationChannel {

    /** The channel's name, as in {@code minyi.notify.channels}. */
    String name();

    /**
     * Sends it; returns null when sent, or a note why there was nothing to send on this channel (no address),
     * which counts as done.
     */
    String send(Notification notification) throws Exception;

    /** Not now, and not a failure: try again at {@code until} (quiet hours, a rate limit). */
    class NotYet extends Exception {
        private final java.time.Instant until;

        public NotYet(java.time.Instant until, String why) {
            super(why);
            this.until = until;
        }

        public java.time.Instant until() {
            return until;
        }
    }
}
