package io.minyi.gateway;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Signing out ends the Keycloak session too (OIDC RP-initiated logout), then returns to the start
 * page. The end-session endpoint is derived from the issuer because the gateway deliberately does
 * not depend on Keycloak's discovery document at start-up.
 */
final class KeycloakLogout implements ServerLogoutSuccessHandler {

    private final String endSessionEndpoint;
    private final String clientId;
    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    KeycloakLogout(String issuer, String clientId) {
        this.endSessionEndpoint = issuer + "/protocol/openid-connect/logout";
        this.clientId = clientId;
    }

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        URI request = exchange.getExchange().getRequest().getURI();
        String home = UriComponentsBuilder.newInstance().scheme(request.getScheme()).host(request.getHost())
                .port(request.getPort()).path("/").toUriString();
        UriComponentsBuilder target = UriComponentsBuilder.fromUriString(endSessionEndpoint)
                .queryParam("client_id", clientId)
                .queryParam("post_logout_redirect_uri", home);
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            target.queryParam("id_token_hint", user.getIdToken().getTokenValue());
        }
        return redirect.sendRedirect(exchange.getExchange(), target.encode().build().toUri());
    }
}
