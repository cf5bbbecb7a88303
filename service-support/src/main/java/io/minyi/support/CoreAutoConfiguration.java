package io.minyi.support;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The clock every service reads time from, replaceable in tests: the system clock, or on a test platform
 * ({@code minyi.clock.offset-file}, env {@code MINYI_CLOCK_OFFSET_FILE}) the system clock moved by the offset
 * in that file.
 */
@AutoConfiguration
public class CoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${minyi.clock.offset-file:}") String offsetFile) {
        if (offsetFile.isBlank()) {
            return Clock.systemUTC();
        }
        LoggerFactory.getLogger(CoreAutoConfiguration.class)
                .warn("The clock is movable by {} (a test platform; never set minyi.clock.offset-file in production)", offsetFile);
        return new OffsetFileClock(Path.of(offsetFile));
    }
}
