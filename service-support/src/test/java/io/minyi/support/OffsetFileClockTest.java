package io.minyi.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class OffsetFileClockTest {

    @TempDir Path dir;

    @Test
    void withoutTheFileItIsTheSystemClockAndItFollowsTheFileWhenWritten() throws Exception {
        Path file = dir.resolve("clock-offset");
        OffsetFileClock clock = new OffsetFileClock(file);
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(1));
        Files.writeString(file, "P14DT2H\n");
        Thread.sleep(250); // re-read after 200 ms
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(14).plusHours(2));
        assertThat(Duration.between(Instant.now(), clock.instant())).isGreaterThan(Duration.ofDays(14).plusHours(1));
        assertThat(Duration.between(Instant.now(), clock.withZone(ZoneId.of("Asia/Shanghai")).instant()))
                .as("in any zone").isGreaterThan(Duration.ofDays(14));
        Files.writeString(file, "not a duration");
        Thread.sleep(250);
        assertThat(clock.offset()).as("an unreadable file keeps the last offset").isEqualTo(Duration.ofDays(14).plusHours(2));
        Files.delete(file);
        Thread.sleep(250);
        assertThat(clock.offset()).isZero();
    }
}
