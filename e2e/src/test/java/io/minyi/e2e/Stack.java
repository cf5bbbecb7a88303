package io.minyi.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform started by the README's own run command ({@code ./minyi start}) on free ports
 * with a fresh data folder, and stopped by {@code ./minyi down} (by PID) afterwards.
 */
final class Stack implements AutoCloseable {

    static final List<String> PORTS = List.of("GATEWAY_PORT", "INTAKE_PORT", "ROUTING_PORT", "FEEDBACK_PORT",
            "STATS_PORT", "KEYCLOAK_PORT", "KEYCLOAK_MANAGEMENT_PORT", "KAFKA_PORT", "KAFKA_CONTROLLER_PORT",
            "MONGO_PORT", "MINYI_SMTP_PORT", "MINYI_IMAP_PORT", "MINYI_SMS_PORT");

    static final List<String> SCALED_PORTS = List.of("INTAKE_1_PORT", "INTAKE_2_PORT", "ROUTING_1_PORT",
            "ROUTING_2_PORT", "FEEDBACK_1_PORT", "FEEDBACK_2_PORT", "STATS_1_PORT", "STATS_2_PORT", "GATEWAY_1_PORT",
            "GATEWAY_2_PORT", "KAFKA_2_PORT", "KAFKA_2_CONTROLLER_PORT", "KAFKA_3_PORT", "KAFKA_3_CONTROLLER_PORT",
            "POSTGRES_PORT");

    private final Path root;
    private final Map<String, String> env = new LinkedHashMap<>();

    Stack() throws IOException {
        this("e2e-home");
    }

    /** A platform with its own data folder {@code e2e/target/<homeName>}, started fresh. */
    Stack(String homeName) throws IOException {
        this(homeName, 1);
    }

    /**
     * With {@code replicas} 2, the scaled-out platform of {@code MINYI_REPLICAS=2}: two instances of every
     * service and gateway behind nginx on the public ports, three Kafka brokers, Keycloak on PostgreSQL.
     */
    Stack(String homeName, int replicas) throws IOException {
        root = Path.of(System.getProperty("minyi.root", "..")).toAbsolutePath().normalize();
        Path home = root.resolve("e2e/target/" + homeName);
        deleteRecursively(home);
        env.put("MINYI_HOME", home.toString());
        env.put("MINYI_SKIP_BUILD", "1"); // the reactor has just built every jar
        // the fuzzing suite sends thousands of requests as a handful of users; the limit itself is
        // tested in the gateway's own tests
        env.put("MINYI_GATEWAY_RATE_LIMIT_PER_SECOND", "5000");
        env.put("MINYI_GATEWAY_RATE_LIMIT_BURST", "10000");
        for (String port : PORTS) {
            env.put(port, String.valueOf(freePort()));
        }
        if (replicas == 1) {
            env.putAll(PlatformContainers.environment());
        } else {
            env.put("MINYI_REPLICAS", "2");
            for (String port : SCALED_PORTS) {
                env.put(port, String.valueOf(freePort()));
            }
        }
        // time can be moved (the notice suite passes deadlines and enters the night); reminders are looked for
        // every 2 s and a crashed instance's claim on a notice lapses after 15 s instead of the production minute
        env.put("MINYI_CLOCK_OFFSET_FILE", home.resolve("clock-offset").toString());
        env.put("MINYI_SUPERVISION_SCAN_INTERVAL", "PT2S");
        env.put("MINYI_NOTIFY_LEASE", "PT15S");
    }

    /** Moves every service's clock to {@code offset} from now (zero: back to the real time). */
    void moveClock(java.time.Duration offset) throws IOException {
        Path file = Path.of(env.get("MINYI_CLOCK_OFFSET_FILE"));
        Path written = file.resolveSibling("clock-offset.new");
        Files.writeString(written, offset.toString());
        Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Starts a second feedback-service instance ({@code feedback-service-2}, same data and consumer group). */
    void startSecondFeedback() throws IOException, InterruptedException {
        env.putIfAbsent("FEEDBACK_2_PORT", String.valueOf(freePort()));
        start();
    }

    /** Starts whatever is not running (all of it the first time) and waits until everything is healthy. */
    void start() throws IOException, InterruptedException {
        if (PlatformContainers.kafkaIsContainer()) {
            PlatformContainers.resumeKafka();
        }
        run(List.of("./minyi", "start"), 10);
    }

    /** {@code ./minyi backup FILE} or {@code ./minyi restore FILE} on this platform (it is stopped and started again). */
    void minyi(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("./minyi"));
        command.addAll(List.of(args));
        run(command, 15);
    }

    /** Stops single parts, e.g. the Kafka broker, as an operator's outage would. */
    void stop(String... parts) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("./minyi", "stop"));
        for (String part : parts) {
            if (part.equals("kafka") && PlatformContainers.kafkaIsContainer()) {
                PlatformContainers.pauseKafka(); // a container's port would change if it were stopped and started
            } else {
                command.add(part);
            }
        }
        if (command.size() > 2) {
            run(command, 2);
        }
    }

    String gateway() {
        return "http://127.0.0.1:" + env.get("GATEWAY_PORT");
    }

    Path root() {
        return root;
    }

    /** Where the platform's services write their JSON logs. */
    Path logs() {
        return Path.of(env.get("MINYI_HOME"), "logs");
    }

    /** Kills one part at once ({@code kill -9}), as a crash would; {@link #start()} brings it back. */
    void kill(String part) throws IOException {
        long pid = Long.parseLong(Files.readString(Path.of(env.get("MINYI_HOME"), "run", part + ".pid")).strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    /** The resident memory of each running part, in MiB, read from /proc. */
    Map<String, Long> residentMiB() throws IOException {
        Map<String, Long> rss = new LinkedHashMap<>();
        perPart(Stack::rssKb).forEach((part, kb) -> {
            if (kb > 0) {
                rss.put(part, (long) (kb / 1024));
            }
        });
        return rss;
    }

    /** CPU seconds (user + system) each running part has used so far, its children included. */
    Map<String, Double> cpuSeconds() throws IOException {
        return perPart(Stack::cpuOf);
    }

    /**
     * A figure of each running part summed over its process and that process's children (Keycloak's
     * launcher script starts its JVM as a child).
     */
    private Map<String, Double> perPart(java.util.function.LongToDoubleFunction ofPid) throws IOException {
        Map<String, Double> figures = new LinkedHashMap<>();
        try (Stream<Path> pids = Files.list(Path.of(env.get("MINYI_HOME"), "run"))) {
            for (Path pidFile : pids.sorted().toList()) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                figures.put(pidFile.getFileName().toString().replace(".pid", ""), Stream.concat(Stream.of(pid),
                        ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid))
                        .mapToDouble(ofPid::applyAsDouble).sum());
            }
        }
        return figures;
    }

    private static double cpuOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double rssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException e) {
            return 0; // gone meanwhile
        }
    }

    String mongo() {
        return env.getOrDefault("MINYI_MONGO_URI", "mongodb://127.0.0.1:" + env.get("MONGO_PORT"));
    }

    /** The brokers' bootstrap addresses (all three of a scaled-out platform). */
    String kafka() {
        if (env.containsKey("MINYI_KAFKA_BOOTSTRAP")) {
            return env.get("MINYI_KAFKA_BOOTSTRAP");
        }
        String all = "127.0.0.1:" + env.get("KAFKA_PORT");
        if (env.containsKey("KAFKA_2_PORT")) {
            all += ",127.0.0.1:" + env.get("KAFKA_2_PORT") + ",127.0.0.1:" + env.get("KAFKA_3_PORT");
        }
        return all;
    }

    /** One instance of a scaled-out platform ({@code intake-service}, {@code gateway-2}, …), bypassing nginx. */
    String instance(String name) {
        boolean second = name.endsWith("-2");
        String module = second ? name.substring(0, name.length() - 2) : name;
        String prefix = switch (module) {
            case "intake-service" -> "INTAKE";
            case "routing-service" -> "ROUTING";
            case "feedback-service" -> "FEEDBACK";
            case "stats-service" -> "STATS";
            case "gateway" -> "GATEWAY";
            default -> throw new IllegalArgumentException(name);
        };
        return "http://127.0.0.1:" + env.get(prefix + (second ? "_2_PORT" : "_1_PORT"));
    }

    /** The local mail server's IMAP port (GreenMail), where every address reads the mail sent to it. */
    int imapPort() {
        return Integer.parseInt(env.get("MINYI_IMAP_PORT"));
    }

    /** The local SMS endpoint's journal of what the provider received (WireMock's admin API). */
    String smsRequests() {
        return "http://127.0.0.1:" + env.get("MINYI_SMS_PORT") + "/__admin/requests";
    }

    String keycloak() {
        return "http://127.0.0.1:" + env.get("KEYCLOAK_PORT");
    }

    /** A service's own address, bypassing the gateway ({@code intake-service}, …). */
    String service(String name) {
        return "http://127.0.0.1:" + env.get(switch (name) {
            case "intake-service" -> "INTAKE_PORT";
            case "routing-service" -> "ROUTING_PORT";
            case "feedback-service" -> "FEEDBACK_PORT";
            case "stats-service" -> "STATS_PORT";
            case "feedback-service-2" -> "FEEDBACK_2_PORT";
            default -> throw new IllegalArgumentException(name);
        });
    }

    String tokenEndpoint(String realm) {
        return keycloak() + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    /** Runs a browser script of {@code e2e/browser} against the gateway; returns what it printed. */
    String browser(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("node", script, gateway()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(root.resolve("e2e/browser").toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("MINYI_HOME", env.get("MINYI_HOME")); // for a thread dump of the gateway
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(script + " failed: " + out);
        }
        return out.strip();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("./minyi", "down"), 2);
    }

    private void run(List<String> command, int minutes) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).inheritIO();
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in " + minutes + " min");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed with " + p.exitValue());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
