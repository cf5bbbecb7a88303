package io.minyi.gateway.apidocs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v3/api-docs}: minyi's whole API as one OpenAPI 3.1 document, put together from each service's
 * own (asked with the caller's access token, so only a signed-in browser or a bearer token gets it); Swagger UI
 * at {@code /swagger-ui/index.html} reads it.
 */
@RestController
class ApiDocsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ASYNCAPI = "/asyncapi/minyi.asyncapi.json";

    private final ServerOAuth2AuthorizedClientRepository clients;
    private final Map<String, URI> services = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiDocsController(ServerOAuth2AuthorizedClientRepository clients,
                      @Value("${INTAKE_URI:http://127.0.0.1:8081}") String intake,
                      @Value("${ROUTING_URI:http://127.0.0.1:8082}") String routing,
                      @Value("${FEEDBACK_URI:http://127.0.0.1:8083}") String feedback,
                      @Value("${STATS_URI:http://127.0.0.1:8084}") String stats) {
        this.clients = clients;
        services.put("intake", URI.create(intake + "/v3/api-docs"));
        services.put("routing", URI.create(routing + "/v3/api-docs"));
        services.put("feedback", URI.create(feedback + "/v3/api-docs"));
        services.put("stats", URI.create(stats + "/v3/api-docs"));
    }

    @GetMapping(value = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<String>> document(Authentication authentication, ServerWebExchange exchange) {
        return token(authentication, exchange)
                .flatMap(token -> Flux.fromIterable(services.entrySet())
                        .flatMap(s -> fetch(s.getValue(), token).map(doc -> Map.entry(s.getKey(), doc)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue))
                .map(found -> {
                    Map<String, JsonNode> ordered = new LinkedHashMap<>();
                    services.keySet().stream().filter(found::containsKey).forEach(s -> ordered.put(s, found.get(s)));
                    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                            .body(JSON.writeValueAsString(ApiDocs.merge(ordered)));
                });
    }

    /**
     * {@code GET /v3/asyncapi}: the AsyncAPI 3.0 document of the Kafka topics (report events, dead letters,
     * reference data, audit, department feeds), generated from the event contracts and shipped in their jar.
     */
    @GetMapping(value = "/v3/asyncapi", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> asyncApi() throws java.io.IOException {
        try (var in = ApiDocsController.class.getResourceAsStream(ASYNCAPI)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(in.readAllBytes());
        }
    }

    /** A service's own document, or nothing when it does not answer in time (the merged one says which). */
    private Mono<JsonNode> fetch(URI uri, String token) {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
        return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .filter(r -> r.statusCode() == 200)
                .map(r -> JSON.readTree(r.body()))
                .onErrorResume(e -> Mono.empty());
    }

    private Mono<String> token(Authentication authentication, ServerWebExchange exchange) {
        if (authentication instanceof JwtAuthenticationToken bearer) {
            return Mono.just(bearer.getToken().getTokenValue());
        }
        return clients.<OAuth2AuthorizedClient>loadAuthorizedClient("keycloak", authentication, exchange)
                .map(c -> c.getAccessToken().getTokenValue());
    }
}
