package io.minyi.contracts;

import java.util.Objects;

/**
 * Who caused an event: the Keycloak subject, a display name and the role they acted in.
 */
public record Actor(String id, String name, String role) {

    /** The platform itself, for what timers do (reminders, escalation). */
    public static final Actor SYSTEM = new Actor("system", "督办提醒", "system");

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        name = name == null ? id : name;
    }
}
