package io.minyi.gateway;

import io.minyi.gateway.edge.HeaderRules;
import io.minyi.gateway.edge.VerifiedTokens;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import java.time.Clock;
import java.time.Duration;

/**
 * What the gateway does once instead of per request (each found in a JFR profile under load): verified
 * bearer tokens are kept ({@link VerifiedTokens}), Spring Security's per-filter observations are off
 * (the gateway's own request metrics stay), and the strict firewall checks headers without regexes.
 */
@Configuration
class RequestCosts {

    /** The same rules as the strict firewall's defaults; only how header names and values are checked differs. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        var firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderRules::assignedAndNotControl);
        firewall.setAllowedHeaderValues(HeaderRules::headerValue);
        firewall.setAllowedParameterNames(HeaderRules::assignedAndNotControl);
        return firewall;
    }

    /** One observation per request (the gateway's http.server.requests) instead of one per security filter. */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Wraps the resource server's decoder (as Boot configures it: keys, issuer, audience) in the cache. */
    @Bean
    static BeanPostProcessor verifiedTokenCache() {
        return new TokenCachePostProcessor();
    }

    static final class TokenCachePostProcessor implements BeanPostProcessor, EnvironmentAware {
        private long maximum = 4096;
        private Duration keep = Duration.ofMinutes(5);

        @Override
        public void setEnvironment(Environment environment) {
            maximum = environment.getProperty("minyi.gateway.token-cache.size", Long.class, maximum);
            keep = environment.getProperty("minyi.gateway.token-cache.keep", Duration.class, keep);
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedTokens) && maximum > 0) {
                return new VerifiedTokens(decoder, maximum, keep, Clock.systemUTC());
            }
            return bean;
        }
    }
}
