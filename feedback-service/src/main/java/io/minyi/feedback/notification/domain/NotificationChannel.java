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
}
