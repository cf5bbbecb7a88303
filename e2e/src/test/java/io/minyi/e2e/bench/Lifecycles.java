package io.minyi.e2e.bench;

import io.minyi.e2e.BenchPlatform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reports driven from submitted to closed through the gateway, as fast as the office, a leader and a
 * department clicking without pause can: start editing, sign off, assign, accept, answer, decide, close.
 */
final class Lifecycles {

    record Result(double perSecond, int reports, int threads) {
    }

    private final BenchPlatform platform;
    private final int threads;

    Lifecycles(BenchPlatform platform, int threads) {
        this.platform = platform;
        this.threads = threads;
    }

    /** {@code ids}: reports submitted by authors of 龙华区 and its streets (all handled by the district office here). */
    Result run(List<String> ids) throws Exception {
        var tokens = new java.util.HashMap<String, String>();
        for (String user : List.of("editor-city", "leader-city", "editor-district", "leader-district", "editor-street",
                "leader-street", "dept-longhua-housing")) {
            tokens.put(user, platform.token(user));
        }
        var pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (String id : ids) {
            done.add(pool.submit(() -> {
                String org = platform.get(tokens.get("editor-city"), "/api/reports/" + id + "/workflow").get("org").asString();
                String level = org.equals("haikou") ? "city" : org.equals("haikou/longhua") ? "district" : "street";
                String editor = tokens.get("editor-" + level);
                String leader = tokens.get("leader-" + level);
                String handler = tokens.get("dept-longhua-housing");
                String path = "/api/reports/" + id + "/transitions";
                must(platform.post(editor, path, "{\"action\":\"start-editing\"}"));
                must(platform.post(leader, path, "{\"action\":\"sign-off\"}"));
                must(platform.post(editor, path, "{\"action\":\"assign\",\"department\":\"longhua-housing\"}"));
                for (int wait = 10; platform.post(handler, "/api/inbox/" + id + "/accept", "{}") != 200; wait = Math.min(200, wait * 2)) {
                    Thread.sleep(wait); // polls back off: under load they would otherwise be most of the load
                }
                must(platform.post(handler, "/api/inbox/" + id + "/response", "{\"response\":\"已办理。\"}"));
                for (int wait = 10; !"responded".equals(platform.get(editor, "/api/reports/" + id + "/workflow").get("status")
                        .asString()); wait = Math.min(200, wait * 2)) {
                    Thread.sleep(wait);
                }
                must(platform.post(editor, path, "{\"action\":\"decide\",\"outcome\":\"adopted\",\"adoptionLevel\":\"department\"}"));
                must(platform.post(editor, path, "{\"action\":\"close\"}"));
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return new Result(ids.size() / ((System.nanoTime() - start) / 1e9), ids.size(), threads);
    }

    private static void must(int status) {
        if (status != 200) {
            throw new IllegalStateException("step refused: " + status);
        }
    }
}
