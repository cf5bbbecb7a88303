package io.minyi.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far intake's asynchronous projections (similarity: embedding each text; search: the Lucene
 * index) fell behind under load, from their Micrometer timers on intake's Prometheus endpoint: waits
 * until the projection has stopped moving (its count steady for 3 s), then reads the p50, p99 and max
 * of event → stored and how long the catching-up after the load took.
 */
final class ProjectionLag {

    record Lag(double p50, double p99, double max, long count, double drainSeconds) {
        String row() {
            return String.format("p50 %.1f s, p99 %.1f s, max %.1f s over %,d events; caught up %.0f s after the load",
                    p50, p99, max, count, drainSeconds);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Lag after(String intake, String timer) throws Exception {
        long started = System.nanoTime();
        long count = -1;
        long steadySince = System.nanoTime();
        String text = scrape(intake);
        while (System.nanoTime() - started < Duration.ofMinutes(10).toNanos()) {
            text = scrape(intake);
            long now = (long) value(text, timer + "_seconds_count", null);
            if (now != count) {
                count = now;
                steadySince = System.nanoTime();
            } else if (System.nanoTime() - steadySince > Duration.ofSeconds(3).toNanos()) {
                break;
            }
            Thread.sleep(250);
        }
        double drain = (steadySince - started) / 1e9;
        return new Lag(value(text, timer + "_seconds", "0.5"), value(text, timer + "_seconds", "0.99"),
                value(text, timer + "_seconds_max", null), count, drain);
    }

    private static String scrape(String intake) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(intake + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double value(String text, String metric, String quantile) {
        Pattern p = Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)}\\s+([0-9.eE+-]+)$", Pattern.MULTILINE);
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (quantile == null || m.group(1).contains("quantile=\"" + quantile + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    private ProjectionLag() {
    }
}
