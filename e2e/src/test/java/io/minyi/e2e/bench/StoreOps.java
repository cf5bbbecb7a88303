package io.minyi.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MongoDB commands each service sent, from the driver's own Micrometer counts on its Prometheus endpoint
 * ({@code mongodb_driver_commands_seconds_count}, by collection and command): read before and after a
 * load, divided by the reports submitted in it, they are the store operations per report.
 */
final class StoreOps {

    static final List<String> SERVICES = List.of("intake-service", "routing-service", "feedback-service", "stats-service");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LINE = Pattern.compile(
            "^mongodb_driver_commands_seconds_count\\{([^}]*)}\\s+([0-9.eE+-]+)$", Pattern.MULTILINE);

    private StoreOps() {
    }

    /** service → "collection command" → count so far. */
    static Map<String, Map<String, Double>> read(java.util.function.Function<String, String> serviceUrl) throws Exception {
        Map<String, Map<String, Double>> all = new TreeMap<>();
        for (String service : SERVICES) {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl.apply(service) + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Double> counts = new TreeMap<>();
            Matcher m = LINE.matcher(text);
            while (m.find()) {
                String collection = label(m.group(1), "collection");
                String command = label(m.group(1), "command");
                counts.merge(collection + " " + command, Double.parseDouble(m.group(2)), Double::sum);
            }
            all.put(service, counts);
        }
        return all;
    }

    /** Per report: service → (total, "collection command" → count), commands under 0.05 per report left out. */
    static Map<String, Map<String, Double>> perReport(Map<String, Map<String, Double>> before,
                                                     Map<String, Map<String, Double>> after, long reports) {
        Map<String, Map<String, Double>> per = new TreeMap<>();
        after.forEach((service, counts) -> {
            Map<String, Double> rows = new TreeMap<>();
            double[] total = {0};
            counts.forEach((op, n) -> {
                double d = (n - before.getOrDefault(service, Map.of()).getOrDefault(op, 0.0)) / reports;
                total[0] += d;
                if (d >= 0.05) {
                    rows.put(op, d);
                }
            });
            rows.put("= total", total[0]);
            per.put(service, rows);
        });
        return per;
    }

    private static String label(String labels, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : "?";
    }
}
