package io.minyi.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The drill's steady load through the public gateway port: a member's client files a report every ~1 s
 * (a failed attempt is tried again with the same Idempotency-Key, as the web app does), and the office takes
 * each accepted report up, signs it off and assigns it to the drill's department, reading the workflow
 * state before each step so that a step lost to a crash is simply done again.
 */
final class DrillLoad {

    private static final Duration TOKEN_LIFE = Duration.ofMinutes(4);
    /** The office's clerks: each report takes six calls (three reads, three steps), the member files one a second. */
    private static final int OFFICE_THREADS = 4;

    private final Stack stack;
    private final Api api;
    private final String run;
    private final String department;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> assigned = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<String> toAssign = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<long[]> attempts = new ConcurrentLinkedQueue<>(); // {at, 1 = accepted}
    private final Map<String, String[]> tokens = new ConcurrentHashMap<>();
    private final AtomicLong attempted = new AtomicLong();
    private final Map<String, AtomicLong> refusals = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final List<Thread> threads = new ArrayList<>();

    DrillLoad(Stack stack, Api api, String run, String department) {
        this.stack = stack;
        this.api = api;
        this.run = run;
        this.department = department;
    }

    /** An active department of {@code org} with its own mailbox, created by the administrator. */
    static void department(Api api, String code, String name, String email, String org) throws Exception {
        var saved = api.put(api.token("admin"), "/api/departments/" + code, null, "{\"name\":\"" + name
                + "\",\"shortName\":\"" + name + "\",\"org\":\"" + org + "\",\"kind\":\"party-government\","
                + "\"contactPerson\":\"王主任\",\"email\":\"" + email + "\",\"active\":true}");
        assertThat(saved.status()).as(String.valueOf(saved.body())).isBetween(200, 299);
    }

    void start() {
        threads.add(started(new Thread(this::submit, "drill-member")));
        for (int i = 1; i <= OFFICE_THREADS; i++) {
            threads.add(started(new Thread(this::office, "drill-office-" + i)));
        }
    }

    private static Thread started(Thread t) {
        t.setDaemon(true);
        t.start();
        return t;
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(TimeUnit.MINUTES.toMillis(4));
        }
    }

    Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    Set<String> assigned() {
        return Set.copyOf(assigned);
    }

    long attempts() {
        return attempted.get();
    }

    /** Every accepted report taken through to assigned (those the office still has in hand are finished). */
    void awaitAssigned(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (String id : accepted) {
                if (!assigned.contains(id)) {
                    assign(id);
                }
            }
            return assigned.containsAll(accepted);
        });
    }

    private void refused(String why) {
        refusals.computeIfAbsent(why, k -> new AtomicLong()).incrementAndGet();
    }

    /** The failed attempts by answer (status and problem code) or exception. */
    Map<String, Long> refusals() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        refusals.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    long failedBetween(long from, long to) {
        return attempts.stream().filter(a -> a[0] >= from && a[0] <= to && a[1] == 0).count();
    }

    /** The longest time between two accepted reports in the window (from its start to its end if none). */
    long longestGapBetween(long from, long to) {
        long last = from;
        long longest = 0;
        for (long[] a : attempts.stream().filter(a -> a[1] == 1 && a[0] >= from && a[0] <= to)
                .sorted(java.util.Comparator.comparingLong(a -> a[0])).toList()) {
            longest = Math.max(longest, a[0] - last);
            last = a[0];
        }
        return Math.max(longest, to - last);
    }

    private void submit() {
        int n = 0;
        while (running.get()) {
            n++;
            String key = "drill-" + run + "-" + n;
            String json = "{\"title\":\"扩容演练" + run + "第" + n + "条：背街小巷路灯不亮\",\"topic\":\"urban-construction\","
                    + "\"body\":\"演练期间提交的信息，编号" + key + "。金宇街道多条背街小巷路灯损坏，夜间出行不便，建议尽快维修。\"}";
            long giveUp = System.currentTimeMillis() + 180_000;
            while (System.currentTimeMillis() < giveUp) {
                attempted.incrementAndGet();
                boolean ok = false;
                try {
                    var r = api.raw("POST", stack.gateway() + "/api/reports", token("member-street"), "application/json",
                            json.getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", key));
                    if (r.status() == 201) {
                        String id = r.body().get("id").asString();
                        accepted.add(id);
                        toAssign.add(id);
                        ok = true;
                    } else {
                        refused(r.status() + (r.body() == null ? "" : " " + r.body().path("code").asString("")));
                    }
                } catch (Exception e) {
                    refused(e.getClass().getSimpleName()); // a gateway, intake or broker is down: tried again with the same key
                }
                attempts.add(new long[]{System.currentTimeMillis(), ok ? 1 : 0});
                if (ok) {
                    break;
                }
                Quietly.sleep(500);
            }
            Quietly.sleep(1000);
        }
    }

    private void office() {
        while (running.get() || !toAssign.isEmpty()) {
            try {
                String id = toAssign.poll(1, TimeUnit.SECONDS);
                if (id != null && !assign(id)) {
                    toAssign.add(id); // not yet: later
                    Quietly.sleep(300);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One step towards assigned, as the workflow state asks; true once assigned. */
    private boolean assign(String id) {
        try {
            String editor = token("editor-street");
            var wf = api.get(editor, "/api/reports/" + id + "/workflow");
            if (wf.status() != 200) {
                return false; // not in routing yet
            }
            String path = "/api/reports/" + id + "/transitions";
            switch (wf.body().get("status").asString()) {
                case "submitted" -> api.post(editor, path, "{\"action\":\"start-editing\"}");
                case "editing" -> api.post(token("leader-street"), path, "{\"action\":\"sign-off\"}");
                case "signed-off" -> api.post(editor, path, "{\"action\":\"assign\",\"department\":\"" + department + "\"}");
                default -> {
                    assigned.add(id);
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** A user's token, fetched again after four minutes (they live fifteen). */
    private String token(String user) throws Exception {
        String[] held = tokens.get(user);
        if (held == null || System.currentTimeMillis() - Long.parseLong(held[1]) > TOKEN_LIFE.toMillis()) {
            held = new String[]{api.token(user), String.valueOf(System.currentTimeMillis())};
            tokens.put(user, held);
        }
        return held[0];
    }
}
