package io.minyi.e2e.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop load of report submissions through the gateway: requests are started on a fixed
 * schedule whatever the answers do, and each latency is measured from the moment the request was due
 * (no coordinated omission: a stalled server shows up in the percentiles instead of slowing the load).
 */
final class OpenLoad {

    record Result(double offeredPerSecond, double acceptedPerSecond, long accepted, long failed, Histogram latency,
                  List<String> ids) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final List<String> tokens;

    OpenLoad(String gateway, List<String> tokens) {
        this.gateway = gateway;
        this.tokens = tokens;
    }

    Result run(int perSecond, Duration duration, String tag) throws InterruptedException {
        Histogram latency = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();
        long total = perSecond * duration.toSeconds();
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String key = tag + "-" + i;
            String json = Texts.report(key, i);
            var request = HttpRequest.newBuilder(URI.create(gateway + "/api/reports"))
                    .header("Authorization", "Bearer " + tokens.get((int) (i % tokens.size())))
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build();
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                long took = System.nanoTime() - due;
                synchronized (latency) {
                    latency.recordValue(Math.min(took, latency.getHighestTrackableValue()));
                }
                if (e == null && r.statusCode() == 201) {
                    accepted.incrementAndGet();
                    int at = r.body().indexOf("\"id\":\"");
                    if (at >= 0) {
                        ids.add(r.body().substring(at + 6, r.body().indexOf('"', at + 6)));
                    }
                } else {
                    failed.incrementAndGet();
                }
            }));
            if (i % 1000 == 0) {
                inFlight.removeIf(CompletableFuture::isDone);
            }
        }
        double offered = total / ((System.nanoTime() - start) / 1e9);
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(offered, accepted.get() / seconds, accepted.get(), failed.get(), latency, List.copyOf(ids));
    }
}
