package io.minyi.e2e.bench;

import io.minyi.e2e.BenchPlatform;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway against the service it fronts, side by side in one run: {@code GET /api/reference} with a
 * real JWT, closed loop from {@code wrk} (8 connections, after a warm-up of the same length), straight
 * to intake and through the gateway; requests per second, latency, and each process's CPU per request
 * from /proc. Then one request at a time at idle, both ways, for the latency the gateway adds.
 */
final class GatewayPair {

    record Side(String name, double perSecond, double p50Ms, double p99Ms, Map<String, Double> cpuMsPerRequest) {
    }

    record Result(Side direct, Side gateway, double idleDirectP50Ms, double idleGatewayP50Ms) {
        double ratio() {
            return gateway.perSecond / direct.perSecond;
        }
    }

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private final BenchPlatform platform;

    GatewayPair(BenchPlatform platform) {
        this.platform = platform;
    }

    Result run(String token, Duration duration) throws Exception {
        String direct = platform.service("intake-service") + "/api/reference";
        String through = platform.gateway() + "/api/reference";
        Side d = side("direct to intake-service", direct, token, duration);
        Side g = side("through the gateway", through, token, duration);
        return new Result(d, g, idleP50(direct, token), idleP50(through, token));
    }

    private Side side(String name, String url, String token, Duration duration) throws Exception {
        wrk(url, token, duration, false); // warm-up: JIT, pools
        Map<String, Double> before = platform.cpuSeconds();
        String out = wrk(url, token, duration, true);
        Map<String, Double> after = platform.cpuSeconds();
        long requests = Long.parseLong(find(REQUESTS, out));
        Map<String, Double> cpu = new LinkedHashMap<>();
        after.forEach((part, s) -> {
            double ms = (s - before.getOrDefault(part, 0.0)) * 1000 / requests;
            if (ms >= 0.005) {
                cpu.put(part, ms);
            }
        });
        return new Side(name, Double.parseDouble(find(RATE, out)), percentile(out, "50%"), percentile(out, "99%"), cpu);
    }

    private static String wrk(String url, String token, Duration duration, boolean latency)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("wrk", "-t2", "-c8", "-d" + duration.toSeconds() + "s",
                "-H", "Authorization: Bearer " + token));
        if (latency) {
            command.add("--latency");
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0 || out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk against " + url + " failed or got errors:\n" + out);
        }
        return out;
    }

    private static double idleP50(String url, String token) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Histogram h = new Histogram(3);
        for (int i = 0; i < 300; i++) {
            long start = System.nanoTime();
            var reply = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + reply.statusCode());
            }
            if (i >= 100) { // the first hundred warm the client and the connection
                h.recordValue(System.nanoTime() - start);
            }
            Thread.sleep(5);
        }
        return h.getValueAtPercentile(50) / 1e6;
    }

    private static String find(Pattern p, String out) {
        Matcher m = p.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        return m.group(1);
    }

    /** wrk's latency distribution line, e.g. {@code 99%   12.34ms}, in milliseconds. */
    private static double percentile(String out, String which) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                .matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
