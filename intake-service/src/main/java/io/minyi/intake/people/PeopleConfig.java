package io.minyi.intake.people;

import io.minyi.intake.people.keycloak.KeycloakDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PeopleConfig {

    /** Keycloak's admin API as the {@code minyi-people} client; it connects on first use. */
    @Bean(destroyMethod = "close")
    KeycloakDirectory directory(
            @Value("${MINYI_ISSUER_BACKCHANNEL_URI:${spring.security.oauth2.resourceserver.jwt.issuer-uri}}") String realmUrl,
            @Value("${minyi.people.client-id:minyi-people}") String clientId,
            @Value("${minyi.people.client-secret:${MINYI_PEOPLE_CLIENT_SECRET:minyi-people-dev-secret}}") String secret,
            @Value("${MINYI_PUBLIC_URL:http://127.0.0.1:8080}") String publicUrl) {
        return new KeycloakDirectory(realmUrl, clientId, secret, publicUrl);
    }
}
