package io.minyi.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved by the ISO-8601 duration written in a file ({@code P14DT2H}, {@code -PT30M}; no file:
 * not moved), re-read at most every 200 ms, so a test can move the whole platform's time — every service
 * reading the same file — past a deadline or into the night without waiting for it. Only for test
 * platforms: set with {@code minyi.clock.offset-file}, never in production.
 */
public final class OffsetFileClock extends Clock {

    private static final long RECHECK_NANOS = 200_000_000L;

    private final Path file;
    private volatile Duration offset = Duration.ZERO;
    private volatile long checkedAt;

    public OffsetFileClock(Path file) {
        this.file = file;
        this.checkedAt = System.nanoTime() - RECHECK_NANOS;
    }

    /** The offset now in force (the file read if it has not been for 200 ms). */
    public Duration offset() {
        long now = System.nanoTime();
        if (now - checkedAt >= RECHECK_NANOS) {
            offset = read();
            checkedAt = now;
        }
        return offset;
    }

    private Duration read() {
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? Duration.ZERO : Duration.parse(text);
        } catch (NoSuchFileException e) {
            return Duration.ZERO;
        } catch (IOException | RuntimeException e) {
            return offset; // half-written or unreadable: keep the last offset
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        OffsetFileClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
