package io.minyi.feedback.notification.mail;

import io.minyi.support.reference.ReferenceReplica;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.client.ClientBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where a notice goes by e-mail: a department's address from the registry (feedback's reference
 * replica), a person's from their Keycloak account (read with the {@code minyi-notify} client's service
 * account, which may only view users; kept ten minutes); an office's or leaders' from the accounts of the
 * body holding the role. A co-author known only by name has none.
 */
public class Addresses implements AutoCloseable {

    private static final Duration KEEP = Duration.ofMinutes(10);

    private final ReferenceReplica replica;
    private final Keycloak keycloak;
    private final String realm;
    private final Clock clock;
    private final Map<String, Contact> accounts = new ConcurrentHashMap<>();
    private final Map<String, Group> groups = new ConcurrentHashMap<>();

    /** One person or department a notice reaches: its recipient key ({@code u:<subject>}, {@code d:<code>}) and addresses. */
    public record Person(String recipient, Optional<String> email, Optional<String> mobile) {
    }

    /** The editors (or leaders) of a body as Keycloak lists them, read once per {@link #KEEP}. */
    private record Group(List<Person> people, Instant at) {
    }

    /** A person's addresses as their account holds them, read once per {@link #KEEP} for mail and SMS alike. */
    private record Contact(Optional<String> email, Optional<String> phone, Instant at) {
    }

    /** {@code realmUrl} null: people's accounts are not looked up (tests without Keycloak). */
    public Addresses(ReferenceReplica replica, String realmUrl, String clientId, String secret, Clock clock) {
        this.replica = replica;
        this.clock = clock;
        if (realmUrl == null) {
            this.realm = null;
            this.keycloak = null;
            return;
        }
        int cut = realmUrl.indexOf("/realms/");
        this.realm = realmUrl.substring(cut + "/realms/".length()).replaceAll("/+$", "");
        this.keycloak = KeycloakBuilder.builder().serverUrl(realmUrl.substring(0, cut)).realm(realm)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(clientId).clientSecret(secret)
                .resteasyClient(ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS)
                        .readTimeout(15, TimeUnit.SECONDS).register(JacksonProvider.class).build())
                .build();
    }

    /**
     * Everyone a recipient stands for: the department or the person itself, or every enabled account of the
     * body with the role — the office ({@code o:<body>}: its editors) or its leaders ({@code l:<body>}).
     * A co-author known only by name ({@code n:}) has nobody to write to.
     */
    public List<Person> people(String recipient) {
        if (recipient.startsWith("d:") || recipient.startsWith("u:")) {
            return List.of(new Person(recipient, email(recipient), mobile(recipient)));
        }
        if ((recipient.startsWith("o:") || recipient.startsWith("l:")) && keycloak != null) {
            Group cached = groups.get(recipient);
            if (cached == null || cached.at().plus(KEEP).isBefore(clock.instant())) {
                cached = new Group(group(recipient.substring(2), recipient.startsWith("o:") ? "editor" : "leader"),
                        clock.instant());
                groups.put(recipient, cached);
            }
            return cached.people();
        }
        return List.of();
    }

    private List<Person> group(String body, String role) {
        List<Person> people = new java.util.ArrayList<>();
        var users = keycloak.realm(realm).users();
        for (var user : users.searchByAttributes(0, 500, true, false, true, "org:" + body)) {
            boolean holds = users.get(user.getId()).roles().realmLevel().listEffective().stream()
                    .anyMatch(r -> role.equals(r.getName()));
            if (holds) {
                var phones = user.getAttributes() == null ? null : user.getAttributes().get("phone");
                people.add(new Person("u:" + user.getId(), Optional.ofNullable(user.getEmail()).filter(e -> !e.isBlank()),
                        phones == null || phones.isEmpty() ? Optional.empty() : mobileOf(phones.get(0))));
            }
        }
        return List.copyOf(people);
    }

    /** The e-mail address of a recipient ({@code d:<code>}, {@code u:<subject>}), if it has one. */
    public Optional<String> email(String recipient) {
        if (recipient.startsWith("d:")) {
            return replica.department(recipient.substring(2)).map(d -> d.department() == null ? null : d.department().email())
                    .filter(e -> e != null && !e.isBlank());
        }
        if (recipient.startsWith("u:") && keycloak != null) {
            return contact(recipient.substring(2)).email();
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("1[3-9]\\d{9}");

    /** The mobile number of a recipient, if it has one: a department's registry phone, a person's account attribute. */
    public Optional<String> mobile(String recipient) {
        Optional<String> phone = Optional.empty();
        if (recipient.startsWith("d:")) {
            phone = replica.department(recipient.substring(2)).map(d -> d.department() == null ? null : d.department().phone());
        } else if (recipient.startsWith("u:") && keycloak != null) {
            phone = contact(recipient.substring(2)).phone();
        }
        return phone.flatMap(Addresses::mobileOf);
    }

    private static Optional<String> mobileOf(String phone) {
        return Optional.of(phone.replaceAll("[\\s-]", "")).filter(p -> MOBILE.matcher(p).matches());
    }

    private Contact contact(String subject) {
        Contact cached = accounts.get(subject);
        if (cached == null || cached.at().plus(KEEP).isBefore(clock.instant())) {
            cached = read(subject);
            accounts.put(subject, cached);
        }
        return cached;
    }

    /** The account's e-mail (none while it is disabled) and its {@code phone} attribute. */
    private Contact read(String subject) {
        try {
            var user = keycloak.realm(realm).users().get(subject).toRepresentation();
            var phones = user.getAttributes() == null ? null : user.getAttributes().get("phone");
            return new Contact(Boolean.FALSE.equals(user.isEnabled()) ? Optional.empty() : Optional.ofNullable(user.getEmail()),
                    phones == null || phones.isEmpty() ? Optional.empty() : Optional.of(phones.get(0)), clock.instant());
        } catch (NotFoundException e) {
            return new Contact(Optional.empty(), Optional.empty(), clock.instant());
        }
    }

    @Override
    public void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
