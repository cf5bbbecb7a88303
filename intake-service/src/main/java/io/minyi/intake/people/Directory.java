package io.minyi.intake.people;

import io.minyi.intake.people.domain.Person;

import java.util.List;
import java.util.Optional;

/**
 * Where accounts live (Keycloak, through its admin API): minyi reads and writes people here and keeps no
 * copy of its own. Service accounts are not people and are never listed.
 */
public interface Directory {

    /** Every person's account. */
    List<Person> people();

    Optional<Person> find(String username);

    /** Creates the account (enabled as given, without a password); false when the user name or e-mail is taken. */
    boolean create(Person person);

    /** Sets the account's details, roles and enabled flag to {@code person}'s. */
    void update(Person person);

    /** Keycloak's "set your password" mail (an action link, valid for {@code hours}); false when it could not be sent. */
    boolean sendSetPassword(String username, int hours);

    /** The directory cannot be reached or refused the service account. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
