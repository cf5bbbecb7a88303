package io.minyi.e2e.bench;

import io.minyi.e2e.BenchPlatform;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One report at a time through its whole life at idle, every click through the gateway with the
 * clicking person's real token, each click timed (request sent → answer read), and each hop between
 * services timed from the click that caused it to the moment the next service shows its effect
 * (polled every 5 ms): intake → routing (the new report in the office's workflow), routing → feedback
 * (the assigned item in the department's inbox), feedback → routing (the answer as "responded").
 */
final class Clicks {

    record Result(Map<String, Histogram> clicks, Map<String, Histogram> hops, int reports) {
    }

    private final BenchPlatform platform;

    Clicks(BenchPlatform platform) {
        this.platform = platform;
    }

    Result run(int reports) throws Exception {
        String member = platform.token("member-district");
        String editor = platform.token("editor-district");
        String leader = platform.token("leader-district");
        String handler = platform.token("dept-longhua-housing");
        Map<String, Histogram> clicks = new LinkedHashMap<>();
        Map<String, Histogram> hops = new LinkedHashMap<>();
        for (int i = -3; i < reports; i++) { // the first three warm every path and are not counted
            boolean counted = i >= 0;
            String key = "clicks-" + System.nanoTime();
            String json = Texts.report(key, i + 1000);
            String id = timed(clicks, counted, "submit (member)", () -> platform.postForBody(member, "/api/reports", json)
                    .get("id").asString());
            long submitted = System.nanoTime();
            String path = "/api/reports/" + id + "/transitions";
            hop(hops, counted, "intake → routing: the report in the office's workflow", submitted,
                    () -> platform.status(editor, "/api/reports/" + id + "/workflow") == 200);
            click(clicks, counted, "start editing (editor)", () -> platform.post(editor, path, "{\"action\":\"start-editing\"}"));
            click(clicks, counted, "sign off (leader)", () -> platform.post(leader, path, "{\"action\":\"sign-off\"}"));
            click(clicks, counted, "assign (editor)", () -> platform.post(editor, path,
                    "{\"action\":\"assign\",\"department\":\"longhua-housing\"}"));
            long assigned = System.nanoTime();
            hop(hops, counted, "routing → feedback: the item in the department's inbox", assigned,
                    () -> platform.status(handler, "/api/inbox/" + id) == 200);
            click(clicks, counted, "accept (department)", () -> platform.post(handler, "/api/inbox/" + id + "/accept", "{}"));
            click(clicks, counted, "answer (department)", () -> platform.post(handler, "/api/inbox/" + id + "/response",
                    "{\"response\":\"已办理。\"}"));
            long answered = System.nanoTime();
            hop(hops, counted, "feedback → routing: the answer shown as responded", answered,
                    () -> "responded".equals(platform.get(editor, "/api/reports/" + id + "/workflow").get("status").asString()));
            click(clicks, counted, "decide adopted (editor)", () -> platform.post(editor, path,
                    "{\"action\":\"decide\",\"outcome\":\"adopted\",\"adoptionLevel\":\"department\"}"));
            click(clicks, counted, "close (editor)", () -> platform.post(editor, path, "{\"action\":\"close\"}"));
            Thread.sleep(200); // idle between reports: the consumers are done
        }
        return new Result(clicks, hops, reports);
    }

    private static <T> T timed(Map<String, Histogram> into, boolean counted, String name, Callable<T> call) throws Exception {
        long start = System.nanoTime();
        T result = call.call();
        if (counted) {
            into.computeIfAbsent(name, n -> new Histogram(3)).recordValue(System.nanoTime() - start);
        }
        return result;
    }

    private static void click(Map<String, Histogram> into, boolean counted, String name, Callable<Integer> call)
            throws Exception {
        int status = timed(into, counted, name, call);
        if (status != 200) {
            throw new IllegalStateException(name + " answered " + status);
        }
    }

    private static void hop(Map<String, Histogram> into, boolean counted, String name, long since, Callable<Boolean> seen)
            throws Exception {
        long deadline = since + 30_000_000_000L;
        while (!seen.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": not seen within 30 s");
            }
            Thread.sleep(5);
        }
        if (counted) {
            into.computeIfAbsent(name, n -> new Histogram(3)).recordValue(System.nanoTime() - since);
        }
    }

    static List<String> rows(Map<String, Histogram> measured) {
        return measured.entrySet().stream().map(e -> String.format("| %s | %.1f | %.1f | %.1f |", e.getKey(),
                e.getValue().getValueAtPercentile(50) / 1e6, e.getValue().getValueAtPercentile(99) / 1e6,
                e.getValue().getMaxValue() / 1e6)).toList();
    }
}
