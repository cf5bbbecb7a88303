package io.minyi.stats.audit.keycloak;

import io.minyi.contracts.audit.AuditEvent;
import io.minyi.support.audit.AuditLog;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sign-ins happen at Keycloak, so its events come into the audit log from there: every few seconds the
 * realm's sign-in events (LOGIN, LOGIN_ERROR, LOGOUT) and admin events (accounts and role mappings changed
 * in the admin console) since the last ones seen are read with the {@code minyi-audit} client's service
 * account (realm-management: view-events) and published as audit entries, with ids derived from
 * Keycloak's, so reading one twice records it once.
 */
@Component
@ConditionalOnProperty(name = "minyi.audit.keycloak.enabled", havingValue = "true", matchIfMissing = true)
class KeycloakEvents {

    private static final Logger log = LoggerFactory.getLogger(KeycloakEvents.class);
    static final String CURSOR = "audit_keycloak_cursor";
    private static final int PAGE = 200;
    private static final Map<String, String> SIGN_IN = Map.of("LOGIN", AuditEvent.Actions.SIGN_IN,
            "LOGIN_ERROR", AuditEvent.Actions.SIGN_IN_FAILED, "LOGOUT", AuditEvent.Actions.SIGN_OUT);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AuditLog audit;
    private final MongoTemplate mongo;
    private final String realm;
    private final String admin;
    private final String clientId;
    private final String secret;
    private volatile String failing;

    KeycloakEvents(AuditLog audit, MongoTemplate mongo,
                   @Value("${MINYI_ISSUER_BACKCHANNEL_URI:${spring.security.oauth2.resourceserver.jwt.issuer-uri}}") String realm,
                   @Value("${minyi.audit.keycloak.client-id:minyi-audit}") String clientId,
                   @Value("${minyi.audit.keycloak.client-secret:${MINYI_AUDIT_CLIENT_SECRET:minyi-audit-dev-secret}}") String secret) {
        this.audit = audit;
        this.mongo = mongo;
        this.realm = realm;
        this.admin = realm.replaceFirst("/realms/", "/admin/realms/");
        this.clientId = clientId;
        this.secret = secret;
    }

    @Scheduled(fixedDelayString = "${minyi.audit.keycloak.interval:PT10S}", initialDelayString = "PT15S")
    @SchedulerLock(name = "keycloak-events", lockAtLeastFor = "${minyi.audit.keycloak.interval:PT10S}")
    void poll() {
        try {
            String token = token();
            Document cursor = mongo.findById("keycloak", Document.class, CURSOR);
            long since = cursor == null ? 0 : ((Number) cursor.get("time")).longValue();
            long newest = since;
            newest = Math.max(newest, read(token, "events", since, this::signIn));
            newest = Math.max(newest, read(token, "admin-events", since, this::adminChange));
            if (newest > since) {
                mongo.save(new Document("_id", "keycloak").append("time", newest), CURSOR);
            }
            failing = null;
        } catch (Exception e) {
            if (!e.toString().equals(failing)) { // said once per kind of failure, not every ten seconds
                log.warn("Keycloak's sign-in events are not reaching the audit log: {}", e.toString());
            }
            failing = e.toString();
        }
    }

    /** Publishes the events newer than {@code since} (newest first, page by page); returns the newest time. */
    private long read(String token, String kind, long since, java.util.function.Function<JsonNode, AuditEvent> convert)
            throws Exception {
        long newest = since;
        List<AuditEvent> entries = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            String query = kind.equals("events") ? "&type=LOGIN&type=LOGIN_ERROR&type=LOGOUT" : "";
            JsonNode page = get(token, admin + "/" + kind + "?first=" + first + "&max=" + PAGE + query);
            boolean older = false;
            for (JsonNode e : page) {
                long time = e.path("time").asLong();
                if (time <= since) {
                    older = true;
                    break;
                }
                newest = Math.max(newest, time);
                AuditEvent entry = convert.apply(e);
                if (entry != null) {
                    entries.add(entry);
                }
            }
            if (older || page.size() < PAGE) {
                break;
            }
        }
        java.util.Collections.reverse(entries); // oldest first, as they happened
        entries.forEach(audit::publish);
        return newest;
    }

    private AuditEvent signIn(JsonNode e) {
        String action = SIGN_IN.get(e.path("type").asText());
        JsonNode details = e.path("details");
        String username = details.path("username").asText(null);
        String user = e.path("userId").asText(null);
        return new AuditEvent(id(e), Instant.ofEpochMilli(e.path("time").asLong()), action,
                user != null ? user : username != null ? username : "anonymous", username, "", null, "keycloak",
                e.path("error").isMissingNode() || e.path("error").isNull() ? AuditEvent.SUCCESS : AuditEvent.FAILURE,
                e.path("error").asText(null), "keycloak", null, e.path("ipAddress").asText(null),
                Map.of("client", e.path("clientId").asText("")));
    }

    private AuditEvent adminChange(JsonNode e) {
        String resource = e.path("resourceType").asText("");
        String action = resource.contains("ROLE_MAPPING") || resource.equals("REALM_ROLE") ? AuditEvent.Actions.ROLE_CHANGE
                : AuditEvent.Actions.ADMIN_CHANGE;
        JsonNode by = e.path("authDetails");
        return new AuditEvent(id(e), Instant.ofEpochMilli(e.path("time").asLong()), action, by.path("userId").asText("unknown"),
                null, "", null, e.path("resourcePath").asText(null),
                e.path("error").isMissingNode() || e.path("error").isNull() ? AuditEvent.SUCCESS : AuditEvent.FAILURE,
                e.path("operationType").asText(null) + " " + resource, "keycloak", null, by.path("ipAddress").asText(null),
                Map.of("client", by.path("clientId").asText("")));
    }

    /** The same Keycloak event always becomes the same entry. */
    private static UUID id(JsonNode e) {
        String key = e.has("id") ? e.path("id").asText() : e.toString();
        return UUID.nameUUIDFromBytes(("keycloak:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private String token() throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        var response = http.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token for " + clientId + ": HTTP " + response.statusCode());
        }
        return json.readTree(response.body()).path("access_token").asText();
    }

    private JsonNode get(String token, String url) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + ": HTTP " + response.statusCode());
        }
        return json.readTree(response.body());
    }
}
