package io.minyi.contracts;

import java.time.ZoneId;

/**
 * The time zone of every date the platform shows or decides by — a deadline's day, a working day, the
 * morning summary, quiet hours, a statistics period: China Standard Time, the same for every body.
 */
public final class ChinaTime {

    /** For annotations, which need a constant ({@code @Scheduled(zone = ChinaTime.ZONE_ID)}). */
    public static final String ZONE_ID = "Asia/Shanghai";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private ChinaTime() {
    }
}
