package io.minyi.e2e.bench;

import io.minyi.e2e.BenchPlatform;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How soon a submitted report shows in the statistics: under a background load of submissions from
 * other bodies, a member of 海甸街道 (a body nobody else files to) submits one report at a time and the
 * street's office polls its summary every 10 ms until the count has grown.
 */
final class Freshness {

    record Result(Histogram latency) {
    }

    private final BenchPlatform platform;
    private final OpenLoad background;

    Freshness(BenchPlatform platform, OpenLoad background) {
        this.platform = platform;
        this.background = background;
    }

    Result run(int backgroundPerSecond, Duration duration) throws Exception {
        String member = platform.token("member-haidian");
        String office = platform.token("editor-haidian");
        String summary = "/api/stats/summary?period=all&org=haikou/meilan/haidian";
        var pool = Executors.newSingleThreadExecutor();
        Future<OpenLoad.Result> load = pool.submit(() -> background.run(backgroundPerSecond, duration, "fresh-" + System.nanoTime()));
        Histogram latency = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
        long end = System.nanoTime() + duration.minusSeconds(5).toNanos();
        int n = 0;
        while (System.nanoTime() < end) {
            try {
                long before = platform.get(office, summary).get("received").asLong();
                long start = System.nanoTime();
                int status = platform.post(member, "/api/reports", "{\"title\":\"时效测量 " + n++
                        + "\",\"body\":\"海甸街道时效测量信息。建议如期办理。\"}");
                if (status == 201) {
                    while (platform.get(office, summary).get("received").asLong() <= before
                            && System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) {
                        Thread.sleep(10);
                    }
                    latency.recordValue(System.nanoTime() - start); // 30 s at most: not seen in time
                }
            } catch (Exception e) {
                Thread.sleep(1_000); // the platform is overloaded; the next sample tries again
            }
            Thread.sleep(200);
        }
        load.get();
        pool.shutdown();
        return new Result(latency);
    }
}
