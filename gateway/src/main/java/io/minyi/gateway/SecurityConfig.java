package io.minyi.gateway;

import io.minyi.contracts.audit.AuditEvent;
import io.minyi.gateway.edge.GatewayAudit;
import io.minyi.gateway.identity.KeycloakProxy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import io.minyi.contracts.audit.AuditEvent;
import io.minyi.gateway.edge.GatewayAudit;
import io.minyi.gateway.identity.KeycloakProxy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import io.minyi.gateway.edge.BearerTokens;
import io.minyi.gateway.edge.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import reactor.core.publisher.Mono;

import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Browsers sign in with Keycloak (authorization code + PKCE S256) and keep a session; the gateway
 * relays their access token to the services. Departments' systems and scripts send their own bearer
 * token, which the gateway checks and passes through. Unauthenticated API calls get 401, pages
 * redirect to the sign-in.
 */
@Configuration
class SecurityConfig {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients,
                                           @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
                                           @Value("${spring.security.oauth2.client.registration.keycloak.client-id}") String clientId,
                                           @Value("${minyi.gateway.cors.allowed-origins:}") List<String> allowedOrigins,
                                           GatewayAudit audit) {
        var pkce = new DefaultServerOAuth2AuthorizationRequestResolver(clients);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        var api = ServerWebExchangeMatchers.pathMatchers("/api/**", "/open311/**");
        var entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(api,
                        afterReadingTheRequest(new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED))));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/keycloak"));

        var logout = new KeycloakLogout(issuer, clientId);

        http.securityContextRepository(sessionsForBrowsersOnly())
                .authorizeExchange(auth -> auth
                        .pathMatchers("/", "/index.html", "/start.js", "/favicon.ico", "/assets/**", "/app", "/app/", "/app/**",
                                "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", KeycloakProxy.PATHS).permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(login -> login.authorizationRequestResolver(pkce)
                        .authenticationSuccessHandler(signedIn(audit))
                        .authenticationFailureHandler(signInFailed(audit)))
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()).bearerTokenConverter(new BearerTokens())
                        .authenticationEntryPoint(afterReadingTheRequest(new BearerTokenServerAuthenticationEntryPoint())))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(browserSessionWrite()))
                .logout(l -> l.logoutSuccessHandler((exchange, authentication) -> {
                    audit.record(exchange.getExchange(), who(authentication), AuditEvent.Actions.SIGN_OUT, "session",
                            AuditEvent.SUCCESS, null);
                    return logout.onLogoutSuccess(exchange, authentication);
                }))
                .cors(cors -> cors.configurationSource(corsOrigins(allowedOrigins)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(issuer)))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicy(p -> p.policy("camera=(), microphone=(), geolocation=(self), payment=()"))
                        // sent only on HTTPS requests (Spring Security's default): behind a TLS proxy, set
                        // server.forward-headers-strategy=native so the gateway knows the request was secure
                        .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)));
        return http.build();
    }

    /**
     * Scripts, styles and connections only from the gateway itself (Element Plus and ECharts set inline
     * style attributes, hence 'unsafe-inline' for styles only); no framing; forms may post to the
     * gateway and, for the sign-out redirect, to Keycloak.
     */
    static String contentSecurityPolicy(String issuer) {
        URI keycloak = URI.create(issuer);
        String origin = keycloak.getScheme() + "://" + keycloak.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "frame-ancestors 'none'; form-action 'self' " + origin;
    }

    /** Closed unless origins are configured: a cross-origin call from any other page is refused (403). */
    static CorsConfigurationSource corsOrigins(List<String> allowedOrigins) {
        var config = new CorsConfiguration();
        allowedOrigins.stream().filter(o -> !o.isBlank()).forEach(config::addAllowedOrigin);
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match",
                "If-None-Match", "Accept-Language", "X-Request-Id"));
        config.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "X-Request-Id"));
        config.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }

    /**
     * Answers only once the request has been read to its end. Rejecting a bad token is so fast that the
     * 401 could otherwise be written before the server had read the rest of the request; the next
     * request on that keep-alive connection then waited forever (measured: about 1 in 20 requests
     * after a rejected token, from Java's and Python's HTTP clients).
     */
    static ServerAuthenticationEntryPoint afterReadingTheRequest(ServerAuthenticationEntryPoint entryPoint) {
        return (exchange, e) -> Problems.afterReadingTheRequest(exchange, () -> entryPoint.commence(exchange, e));
    }

    /**
     * Subscribes to the deferred CSRF token so that its cookie is set for the page's forms and scripts; a
     * call with its own bearer token is no page and gets none (it was a new random token and a
     * {@code Set-Cookie} on every API answer to a department's system).
     */
    @Bean
    WebFilter csrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token != null && !bearer(exchange) ? token.then() : Mono.<Void>empty()).then(chain.filter(exchange));
        };
    }

    static boolean bearer(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /**
     * Sessions for browsers only: a request carrying its own bearer token is authenticated from the token
     * alone and never looks up, creates or saves a web session.
     */
    static ServerSecurityContextRepository sessionsForBrowsersOnly() {
        var sessions = new WebSessionServerSecurityContextRepository();
        var none = NoOpServerSecurityContextRepository.getInstance();
        return new ServerSecurityContextRepository() {
            @Override
            public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
                return bearer(exchange) ? none.save(exchange, context) : sessions.save(exchange, context);
            }

            @Override
            public Mono<SecurityContext> load(ServerWebExchange exchange) {
                return bearer(exchange) ? none.load(exchange) : sessions.load(exchange);
            }
        };
    }

    /** A browser sign-in is audited, then goes where it was going (the saved request, else the start page). */
    private static ServerAuthenticationSuccessHandler signedIn(GatewayAudit audit) {
        var redirect = new RedirectServerAuthenticationSuccessHandler();
        return (exchange, authentication) -> {
            audit.record(exchange.getExchange(), who(authentication), AuditEvent.Actions.SIGN_IN, "session",
                    AuditEvent.SUCCESS, null);
            return redirect.onAuthenticationSuccess(exchange, authentication);
        };
    }

    /** A sign-in Keycloak sent back unsuccessful (refused consent, a state mismatch) is audited too. */
    private static ServerAuthenticationFailureHandler signInFailed(GatewayAudit audit) {
        var redirect = new RedirectServerAuthenticationFailureHandler("/login?error");
        return (exchange, e) -> {
            audit.record(exchange.getExchange(), new GatewayAudit.Who(null, null, List.of(), null),
                    AuditEvent.Actions.SIGN_IN_FAILED, "session", AuditEvent.FAILURE, e.getClass().getSimpleName());
            return redirect.onAuthenticationFailure(exchange, e);
        };
    }

    private static GatewayAudit.Who who(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return GatewayAudit.Who.of(user.getClaims());
        }
        return new GatewayAudit.Who(authentication == null ? null : authentication.getName(), null, List.of(), null);
    }

    /** CSRF protects cookie-authenticated writes; a request carrying its own bearer token is not forgeable. */
    private static ServerWebExchangeMatcher browserSessionWrite() {
        return exchange -> {
            var request = exchange.getRequest();
            boolean bearer = bearer(exchange);
            boolean signInPages = request.getPath().pathWithinApplication().value().startsWith("/auth/");
            return !bearer && !signInPages && !SAFE.contains(request.getMethod())
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }
}
