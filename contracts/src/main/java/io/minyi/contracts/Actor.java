package io.minyi.contracts;

import java.util.Objects;

/**
 * Who caused an event: the Keycloak subject, a display name and the role they acted in.
 */
public record Actor(String id, String name, String role) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        name = name == null ? id : name;
    }
}
