package io.minyi.support;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Settings every minyi service shares (Kafka serialisation and durability, MongoDB and Keycloak
 * locations with localhost defaults, actuator exposure), added with the lowest precedence so that a
 * service's application.yml, environment variables and command-line arguments override them.
 */
public class MinyiDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources()
                    .addLast(new ResourcePropertySource("minyiDefaults", new ClassPathResource("minyi-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
