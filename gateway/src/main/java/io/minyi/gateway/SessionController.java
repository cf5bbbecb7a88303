package io.minyi.gateway;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who is signed in, as the services will see them: read from the access token itself (the same
 * claims the services check), whether the caller came with a browser session or a bearer token.
 */
@RestController
class SessionController {

    private final ReactiveJwtDecoder jwtDecoder;
    private final ServerOAuth2AuthorizedClientRepository clients;

    SessionController(ReactiveJwtDecoder jwtDecoder, ServerOAuth2AuthorizedClientRepository clients) {
        this.jwtDecoder = jwtDecoder;
        this.clients = clients;
    }

    record Identity(String username, String name, String org, String department,
                    List<String> roles) {
        static Identity of(Jwt jwt) {
            Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
            List<String> roles = realmAccess != null && realmAccess.get("roles") instanceof Collection<?> r
                    ? r.stream().map(String::valueOf).filter(Identity::isMinyiRole).sorted().toList()
                    : List.of();
            return new Identity(jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("name"),
                    jwt.getClaimAsString("org"), jwt.getClaimAsString("department"), roles);
        }

        private static boolean isMinyiRole(String role) {
            return List.of("member", "officer", "editor", "leader", "department", "admin", "security-admin", "auditor").contains(role);
        }
    }

    /** The signed-in identity; 401 when nobody is signed in. */
    @GetMapping("/api/me")
    Mono<Identity> me(Authentication authentication, ServerWebExchange exchange) {
        if (authentication instanceof JwtAuthenticationToken bearer) {
            return Mono.just(Identity.of(bearer.getToken()));
        }
        return clients.<OAuth2AuthorizedClient>loadAuthorizedClient("keycloak", authentication, exchange)
                .flatMap(c -> jwtDecoder.decode(c.getAccessToken().getTokenValue()))
                .map(Identity::of);
    }
}
