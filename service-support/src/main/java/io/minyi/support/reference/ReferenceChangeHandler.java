package io.minyi.support.reference;

import io.minyi.contracts.reference.ReferenceEvent;

/**
 * Told of the reference changes this service's replica takes in. {@link #takenIn} is called on every
 * instance for every change it takes in (e.g. to refresh a cache); {@link #changed} once per change
 * across the service's instances, never for a redelivery (e.g. routing recomputing deadlines when a
 * holiday is declared).
 */
public interface ReferenceChangeHandler {

    default void takenIn(ReferenceEvent event) {
    }

    default void changed(ReferenceEvent event) {
    }
}
