package io.minyi.gateway.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On a server where only the gateway is published (docker-compose, Kubernetes without a separate
 * ingress host for Keycloak), the sign-in pages reach the browser through the gateway: Keycloak runs
 * with {@code KC_HTTP_RELATIVE_PATH=/auth} and {@code KC_HOSTNAME=<public url>/auth}, and every
 * {@code /auth/**} request is passed on to it unchanged, except its admin console, which stays on the
 * server's loopback address. Off unless {@code minyi.gateway.keycloak-proxy.uri} is set (locally the
 * browser talks to Keycloak directly).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("minyi.gateway.keycloak-proxy.uri")
public class KeycloakProxy {

    /** Paths the gateway passes to Keycloak: public, no session needed, Keycloak's own CSRF protection. */
    public static final String PATHS = "/auth/**";

    @Bean
    RouteLocator keycloakRoute(RouteLocatorBuilder routes, @Value("${minyi.gateway.keycloak-proxy.uri}") String uri) {
        return routes.routes()
                .route("keycloak", r -> r.path(PATHS).and().not(admin -> admin.path("/auth/admin", "/auth/admin/**"))
                        .filters(f -> f.preserveHostHeader())
                        .uri(uri))
                .build();
    }
}
