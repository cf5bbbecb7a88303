package io.minyi.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each replica ran a leased job in a window, from the instances' own Prometheus counters
 * ({@code minyi_jobs_runs_total}, {@code minyi_jobs_skipped_total}, per job).
 */
final class JobRuns {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JobRuns() {
    }

    /** Job → {runs on instance 1, runs on instance 2, times either found the lease taken} during {@code window}. */
    static Map<String, double[]> over(Stack stack, Duration window, List<String> jobs) throws Exception {
        Map<String, double[]> before = read(stack, jobs);
        Thread.sleep(window.toMillis());
        Map<String, double[]> after = read(stack, jobs);
        Map<String, double[]> delta = new LinkedHashMap<>();
        for (String job : jobs) {
            double[] a = after.get(job);
            double[] b = before.get(job);
            delta.put(job, new double[]{a[0] - b[0], a[1] - b[1], a[2] - b[2]});
        }
        return delta;
    }

    private static Map<String, double[]> read(Stack stack, List<String> jobs) throws Exception {
        Map<String, double[]> counts = new LinkedHashMap<>();
        for (String job : jobs) {
            String service = switch (job) {
                case "supervision-scan" -> "routing-service";
                case "department-feed" -> "feedback-service";
                default -> throw new IllegalArgumentException(job);
            };
            String first = scrape(stack.instance(service));
            String second = scrape(stack.instance(service + "-2"));
            counts.put(job, new double[]{counter(first, "minyi_jobs_runs_total", job),
                    counter(second, "minyi_jobs_runs_total", job),
                    counter(first, "minyi_jobs_skipped_total", job) + counter(second, "minyi_jobs_skipped_total", job)});
        }
        return counts;
    }

    private static String scrape(String instance) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(instance + "/actuator/prometheus")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double counter(String exposition, String name, String job) {
        return exposition.lines().filter(l -> l.startsWith(name + "{") && l.contains("job=\"" + job + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
