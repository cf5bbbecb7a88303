package io.minyi.e2e;

import tools.jackson.databind.JsonNode;

import java.util.Map;

/** The platform for the benchmarks (its own data folder), with the calls they make. */
public final class BenchPlatform implements AutoCloseable {

    private final Stack stack;
    private final Api api;

    private BenchPlatform(Stack stack) {
        this.stack = stack;
        this.api = new Api(stack);
    }

    public static BenchPlatform start() throws Exception {
        Stack stack = new Stack("bench-home");
        try {
            stack.start();
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        return new BenchPlatform(stack);
    }

    public String token(String user) throws Exception {
        return api.token(user);
    }

    public String gateway() {
        return stack.gateway();
    }

    public String kafka() {
        return stack.kafka();
    }

    public String mongo() {
        return stack.mongo();
    }

    /** A service's own base URL (for its actuator), e.g. {@code intake-service}. */
    public String service(String name) {
        return stack.service(name);
    }

    public Map<String, Long> residentMiB() throws Exception {
        return stack.residentMiB();
    }

    public Map<String, Double> cpuSeconds() throws Exception {
        return stack.cpuSeconds();
    }

    /** The status and JSON body of a call through the gateway. */
    public JsonNode get(String token, String path) throws Exception {
        return api.get(token, path).body();
    }

    /** The status of a GET through the gateway. */
    public int status(String token, String path) throws Exception {
        return api.get(token, path).status();
    }

    public int post(String token, String path, String json) throws Exception {
        return api.post(token, path, json).status();
    }

    public int put(String token, String path, String json) throws Exception {
        return api.put(token, path, null, json).status();
    }

    public JsonNode postForBody(String token, String path, String json) throws Exception {
        return api.post(token, path, json).body();
    }

    @Override
    public void close() throws Exception {
        stack.close();
    }
}
