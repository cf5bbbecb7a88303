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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where a notice goes by e-mail: a department's address from the registry (feedback's reference
 * replica), a person's from their Keycloak account (read with the {@code minyi-notify} client's service
 * account, which may only view users; kept ten minutes). A co-author known only by name has none.
 */
public class Addresses implements AutoCloseable {

    private static final Duration KEEP = Duration.ofMinutes(10);

    private final ReferenceReplica replica;
    private final Keycloak keycloak;
    private final String realm;
    private final Clock clock;
    private final Map<String, Contact> accounts = new ConcurrentHashMap<>();

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
        return phone.map(p -> p.replaceAll("[\\s-]", "")).filter(p -> MOBILE.matcher(p).matches());
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
