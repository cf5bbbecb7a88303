package io.minyi.support.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Every service is a stateless JWT resource server: actuator health and metrics are open, every
 * other request needs a Keycloak access token; role and org checks happen in the features.
 */
@AutoConfiguration
public class SecurityAutoConfiguration {

    /** Verified bearer tokens kept until they expire ({@link VerifiedJwts}). */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor verifiedJwtCache() {
        return VerifiedJwts.wrapping();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain minyiResourceServer(HttpSecurity http) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .anyRequest().access(SecurityAutoConfiguration::authenticatedWithSeparateDuties))
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakJwtConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()); // bearer tokens only, no cookies
        return http.build();
    }

    /** Signed in, and not holding two of the administrator, security administrator and auditor roles (三员分立). */
    static AuthorizationDecision authenticatedWithSeparateDuties(
            java.util.function.Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication a = authentication.get();
        boolean signedIn = a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken);
        return new AuthorizationDecision(signedIn && !Roles.dutiesConflict(a.getAuthorities().stream()
                .map(g -> g.getAuthority().replaceFirst("^ROLE_", "")).toList()));
    }

    @Bean
    WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
