package io.minyi.intake.people.keycloak;

import io.minyi.intake.people.Directory;
import io.minyi.intake.people.domain.Person;
import io.minyi.intake.people.domain.RoleNames;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The people of the minyi realm through Keycloak's admin API (keycloak-admin-client), signed in as the
 * {@code minyi-people} client's service account, which holds only manage-users, view-users, query-users
 * and view-realm of realm-management. The person's name is the account's first name; body, sector,
 * station, department and phone are user attributes (declared in the realm's user profile: only
 * administrators edit them); the roles are realm roles.
 */
public class KeycloakDirectory implements Directory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeycloakDirectory.class);
    private static final String SERVICE_ACCOUNT = "service-account-";
    private static final int PAGE = 500;

    private final Keycloak keycloak;
    private final String realmName;
    private final String publicUrl;

    /** {@code realmUrl} e.g. {@code http://127.0.0.1:8180/realms/minyi}; {@code publicUrl}: where the set-password page sends people on. */
    public KeycloakDirectory(String realmUrl, String clientId, String secret, String publicUrl) {
        int cut = realmUrl.indexOf("/realms/");
        this.realmName = realmUrl.substring(cut + "/realms/".length()).replaceAll("/+$", "");
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.keycloak = KeycloakBuilder.builder().serverUrl(realmUrl.substring(0, cut)).realm(realmName)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(clientId).clientSecret(secret)
                .resteasyClient(ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS)
                        .readTimeout(30, TimeUnit.SECONDS).register(JacksonProvider.class).build())
                .build();
    }

    @Override
    public List<Person> people() {
        return call(() -> {
            RealmResource realm = realm();
            Map<String, List<String>> roles = new HashMap<>();
            for (String role : RoleNames.LABELS.keySet()) {
                for (int first = 0; ; first += PAGE) {
                    List<UserRepresentation> members = realm.roles().get(role).getUserMembers(true, first, PAGE);
                    members.forEach(u -> roles.computeIfAbsent(u.getId(), k -> new ArrayList<>()).add(role));
                    if (members.size() < PAGE) {
                        break;
                    }
                }
            }
            List<Person> people = new ArrayList<>();
            for (int first = 0; ; first += PAGE) {
                List<UserRepresentation> page = realm.users().list(first, PAGE);
                page.stream().filter(u -> !u.getUsername().startsWith(SERVICE_ACCOUNT))
                        .forEach(u -> people.add(person(u, roles.getOrDefault(u.getId(), List.of()))));
                if (page.size() < PAGE) {
                    return people;
                }
            }
        });
    }

    @Override
    public Optional<Person> find(String username) {
        return call(() -> user(username).map(u -> person(u, roles(u.getId()))));
    }

    @Override
    public boolean create(Person person) {
        return call(() -> {
            UserRepresentation u = new UserRepresentation();
            u.setUsername(person.username());
            u.setEmailVerified(true); // the office's roster is the source of the address
            fill(u, person);
            try (Response response = realm().users().create(u)) {
                if (response.getStatus() == 409) {
                    return false;
                }
                String id = CreatedResponseUtil.getCreatedId(response);
                setRoles(id, person.roles());
                return true;
            }
        });
    }

    @Override
    public void update(Person person) {
        call(() -> {
            UserRepresentation u = user(person.username()).orElseThrow(() -> new IllegalStateException(
                    "no account " + person.username()));
            fill(u, person);
            realm().users().get(u.getId()).update(u);
            setRoles(u.getId(), person.roles());
            return null;
        });
    }

    @Override
    public boolean sendSetPassword(String username, int hours) {
        try {
            return call(() -> {
                String id = user(username).map(UserRepresentation::getId).orElseThrow();
                realm().users().get(id).executeActionsEmail("minyi-web", publicUrl + "/", hours * 3600,
                        List.of("UPDATE_PASSWORD"));
                return true;
            });
        } catch (Unavailable | WebApplicationException e) {
            log.warn("set-password mail to {} not sent: {}", username, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        keycloak.close();
    }

    private RealmResource realm() {
        return keycloak.realm(realmName);
    }

    private Optional<UserRepresentation> user(String username) {
        return realm().users().searchByUsername(username, true).stream()
                .filter(u -> u.getUsername().equals(username)).findFirst();
    }

    private List<String> roles(String userId) {
        return realm().users().get(userId).roles().realmLevel().listAll().stream().map(RoleRepresentation::getName)
                .filter(RoleNames.LABELS::containsKey).toList();
    }

    /** Exactly {@code wanted} of the minyi roles; other realm roles (default roles) stay. */
    private void setRoles(String userId, List<String> wanted) {
        var mapping = realm().users().get(userId).roles().realmLevel();
        List<String> current = mapping.listAll().stream().map(RoleRepresentation::getName).toList();
        List<RoleRepresentation> add = wanted.stream().filter(r -> !current.contains(r))
                .map(r -> realm().roles().get(r).toRepresentation()).toList();
        List<RoleRepresentation> remove = current.stream().filter(RoleNames.LABELS::containsKey)
                .filter(r -> !wanted.contains(r)).map(r -> realm().roles().get(r).toRepresentation()).toList();
        if (!add.isEmpty()) {
            mapping.add(add);
        }
        if (!remove.isEmpty()) {
            mapping.remove(remove);
        }
    }

    private static void fill(UserRepresentation u, Person p) {
        u.setFirstName(p.name());
        u.setLastName(null);
        u.setEmail(p.email());
        u.setEnabled(p.enabled());
        Map<String, List<String>> attributes = new LinkedHashMap<>(u.getAttributes() == null ? Map.of() : u.getAttributes());
        put(attributes, "org", p.org());
        put(attributes, "sector", p.sector());
        put(attributes, "station", p.station());
        put(attributes, "department", p.department());
        put(attributes, "phone", p.phone());
        u.setAttributes(attributes);
    }

    private static void put(Map<String, List<String>> attributes, String name, String value) {
        if (value == null || value.isBlank()) {
            attributes.remove(name);
        } else {
            attributes.put(name, List.of(value));
        }
    }

    private static Person person(UserRepresentation u, List<String> roles) {
        String name = u.getFirstName() == null ? u.getUsername()
                : u.getLastName() == null || u.getLastName().isBlank() ? u.getFirstName() : u.getFirstName() + " " + u.getLastName();
        return new Person(u.getUsername(), name, roles, attribute(u, "org"), attribute(u, "sector"),
                attribute(u, "station"), attribute(u, "department"), attribute(u, "phone"), u.getEmail(),
                !Boolean.FALSE.equals(u.isEnabled()));
    }

    private static String attribute(UserRepresentation u, String name) {
        List<String> values = u.getAttributes() == null ? null : u.getAttributes().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (ProcessingException e) {
            throw new Unavailable("Keycloak cannot be reached: " + e.getMessage(), e);
        } catch (ClientErrorException e) {
            int status = e.getResponse().getStatus();
            if (status == 401 || status == 403) {
                throw new Unavailable("Keycloak refused the people client (HTTP " + status + ")", e);
            }
            throw e;
        }
    }
}
