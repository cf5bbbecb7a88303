package io.minyi.intake.people.domain;

import java.util.List;
import java.util.Objects;

/**
 * An account as the roster holds it: the sign-in name, the person's name, the minyi roles, the body
 * (org path) and what the roles need — 界别 (sector), 联络站 (station) for officers, 承办单位 (department)
 * for department handlers —, the phone and e-mail for notices, and whether the account is enabled
 * (a leaver's is disabled, never deleted: their reports keep their names).
 */
public record Person(String username, String name, List<String> roles, String org, String sector, String station,
                     String department, String phone, String email, boolean enabled) {

    public Person {
        Objects.requireNonNull(username, "username");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z][a-z0-9._-]{2,63}");

    /** 3–64 lower-case letters, digits, dots, underscores or hyphens, starting with a letter. */
    public static boolean validUsername(String username) {
        return USERNAME.matcher(username).matches();
    }

    public Person disabled() {
        return new Person(username, name, roles, org, sector, station, department, phone, email, false);
    }

    /** The same account and details, the roles compared in any order. */
    public boolean sameAs(Person other) {
        return other != null && username.equals(other.username) && Objects.equals(name, other.name)
                && roles.stream().sorted().toList().equals(other.roles.stream().sorted().toList())
                && Objects.equals(org, other.org) && Objects.equals(sector, other.sector)
                && Objects.equals(station, other.station) && Objects.equals(department, other.department)
                && Objects.equals(phone, other.phone) && Objects.equals(email, other.email) && enabled == other.enabled;
    }
}
