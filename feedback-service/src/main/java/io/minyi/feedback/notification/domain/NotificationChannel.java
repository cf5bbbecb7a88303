package io.minyi.feedback.notification.domain;

/**
 * A way to reach people besides the in-app notification centre (e-mail, SMS). An implementation that
 * throws leaves the notification pending on that channel; it is tried again later.
 */
public interface NotificationChannel {

    /** The channel's name, as in {@code minyi.notify.channels}. */
    String name();

    void send(Notification notification) throws Exception;
}
