package io.minyi.e2e;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crashes under load: while a member's client keeps filing reports (retrying with the same
 * Idempotency-Key until it is accepted, as the web app does), each service and the gateway is killed
 * ({@code kill -9}) and restarted in turn, and the Kafka broker is stopped for 30 s. Afterwards every
 * accepted report is in the workflow, driven to closed, and counted exactly once; then the whole topic
 * is delivered again, duplicated and shuffled, and no figure moves. Counts go to
 * {@code target/faults/faults.md}.
 */
@Order(5)
class FaultE2EIT extends OnPlatform {

    static final String BODY = "haikou/longhua/jinyu";
    static final int BROKER_DOWN_SECONDS = Integer.getInteger("minyi.faults.broker-down-seconds", 30);


    @Test
    void crashesAndABrokerOutageLoseNothingAndCountNothingTwice() throws Exception {
        String editor = api.token("editor-street");
        var before = api.get(editor, "/api/stats/summary?period=all&org=" + BODY).body();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        var load = Executors.newSingleThreadExecutor();
        var submitting = load.submit(() -> submitUntilStopped(running, accepted));

        List<String> faults = new ArrayList<>();
        for (String part : List.of("intake-service", "routing-service", "feedback-service", "stats-service", "gateway")) {
            Thread.sleep(3_000);
            stack.kill(part);
            faults.add("kill -9 " + part);
            Thread.sleep(2_000);
            stack.start();
        }
        Thread.sleep(2_000);
        stack.stop("kafka");
        faults.add("Kafka stopped " + BROKER_DOWN_SECONDS + " s");
        Thread.sleep(BROKER_DOWN_SECONDS * 1000L);
        stack.start();
        Thread.sleep(3_000);
        running.set(false);
        submitting.get(3, TimeUnit.MINUTES);
        load.shutdown();
        assertThat(accepted).as("reports accepted under the faults").hasSizeGreaterThan(10);

        // published and consumed: routing has every accepted report, stats counted each once
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                accepted.stream().allMatch(id -> Quietly.holds(() -> api.get(editor, "/api/reports/" + id + "/workflow").status() == 200)));
        await().atMost(Duration.ofMinutes(1)).until(() ->
                received(api.get(editor, "/api/stats/summary?period=all&org=" + BODY).body()) - received(before) >= accepted.size());
        closeAll(accepted);
        String member = api.token("member-street");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                accepted.stream().allMatch(id -> Quietly.holds(() -> "closed".equals(api.get(member, "/api/reports/" + id).body()
                        .get("status").asString()))));
        var after = awaitSettled(editor);
        long counted = received(after) - received(before);
        long closed = after.get("closed").asLong() - before.get("closed").asLong();

        // what the other consumers show before the whole topic is delivered again
        String told = api.get(member, "/api/notifications?size=1").body().get("total").asString();
        Map<String, String> states = states(accepted, editor, member);

        // every event again, twice, in a shuffled order
        List<ConsumerRecord<byte[], byte[]>> topic = readTopic();
        // the outbox relays at least once: a crash between sending and marking sends an event again (same id)
        List<ConsumerRecord<byte[], byte[]>> submittedRecords = topic.stream()
                .filter(r -> accepted.contains(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8))
                        && "io.minyi.report.submitted.v1".equals(header(r, "ce_type"))).toList();
        long published = submittedRecords.stream().map(r -> header(r, "ce_id")).distinct().count();
        int redelivered = redeliverShuffled(topic, 2);
        var afterRedelivery = awaitSettled(editor);
        Map<String, String> statesAfter = states(accepted, editor, member);
        String toldAfter = api.get(member, "/api/notifications?size=1").body().get("total").asString();

        String report = "| faults | " + String.join(", ", faults) + " |\n|---|---|\n"
                + "| accepted | " + accepted.size() + " |\n| published (distinct report.submitted events; records on the "
                + "topic, with the outbox's at-least-once resends) | " + published + " (" + submittedRecords.size() + ")"
                + " |\n| consumed (in the workflow) | " + accepted.size() + " |\n"
                + "| counted (received) | " + counted + " |\n| closed | " + closed + " |\n"
                + "| lost | " + (accepted.size() - counted) + " |\n| duplicated | " + Math.max(0, counted - accepted.size()) + " |\n"
                + "| events delivered again (duplicated, shuffled) | " + redelivered + " |\n"
                + "| received after that | " + (received(afterRedelivery) - received(before)) + " |\n";
        Files.createDirectories(Path.of("target/faults"));
        Files.writeString(Path.of("target/faults/faults.md"), report);
        System.out.print(report);

        assertThat(counted).as("each accepted report counted exactly once").isEqualTo(accepted.size());
        assertThat(closed).as("each accepted report closed once").isEqualTo(accepted.size());
        assertThat(published).as("each accepted report published once").isEqualTo(accepted.size());
        assertThat(afterRedelivery.toString()).as("redelivered and reordered events change no figure")
                .isEqualTo(after.toString());
        assertThat(statesAfter).as("nor any report's workflow state, version or intake status").isEqualTo(states);
        assertThat(toldAfter).as("nor tell the author anything twice").isEqualTo(told);
    }

    private static void submitUntilStopped(AtomicBoolean running, Set<String> accepted) {
        int n = 0;
        while (running.get()) {
            String key = "fault-" + System.nanoTime() + "-" + n++;
            String json = "{\"title\":\"故障演练第" + n + "条：路灯维修\",\"body\":\"演练期间提交的信息，编号" + key + "。建议及时维修。\"}";
            long until = System.currentTimeMillis() + 180_000;
            while (System.currentTimeMillis() < until) {
                try {
                    String token = api.token("member-street");
                    var r = api.raw("POST", stack.gateway() + "/api/reports", token, "application/json",
                            json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("Idempotency-Key", key));
                    if (r.status() == 201) {
                        accepted.add(r.body().get("id").asString());
                        break;
                    }
                } catch (Exception e) {
                    // the gateway or intake is down: the client tries again with the same key
                }
                Quietly.sleep(500);
            }
            Quietly.sleep(300);
        }
    }

    /** Each report's workflow status and version and its intake status, by report id. */
    private static Map<String, String> states(Set<String> ids, String editor, String member) throws Exception {
        Map<String, String> states = new java.util.TreeMap<>();
        for (String id : ids) {
            var wf = api.get(editor, "/api/reports/" + id + "/workflow").body();
            states.put(id, wf.get("status").asString() + "@" + wf.get("version").asString() + "/"
                    + api.get(member, "/api/reports/" + id).body().get("status").asString());
        }
        return states;
    }

    /** Each report through the office, a department and back to closed, four at a time. */
    private static void closeAll(Set<String> ids) throws Exception {
        String editor = api.token("editor-street");
        String leader = api.token("leader-street");
        String handler = api.token("dept-jinyu-office");
        var pool = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (String id : ids) {
            done.add(pool.submit(() -> {
                String path = "/api/reports/" + id + "/transitions";
                expect(api.post(editor, path, "{\"action\":\"start-editing\"}"), 200);
                expect(api.post(leader, path, "{\"action\":\"sign-off\"}"), 200);
                expect(api.post(editor, path, "{\"action\":\"assign\",\"department\":\"jinyu-office\"}"), 200);
                await().atMost(Duration.ofSeconds(60)).until(() -> api.get(handler, "/api/inbox/" + id).status() == 200);
                expect(api.post(handler, "/api/inbox/" + id + "/response", "{\"response\":\"已安排维修。\"}"), 200);
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        "responded".equals(api.get(editor, "/api/reports/" + id + "/workflow").body().get("status").asString()));
                expect(api.post(editor, path, "{\"action\":\"decide\",\"outcome\":\"adopted\",\"adoptionLevel\":\"department\"}"), 200);
                expect(api.post(editor, path, "{\"action\":\"close\"}"), 200);
                return null;
            }));
        }
        for (var f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    /** Every record of the report topic, from its beginning to its end now. */
    private static List<ConsumerRecord<byte[], byte[]>> readTopic() {
        Map<String, Object> consumerProps = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(consumerProps)) {
            List<TopicPartition> partitions = consumer.partitionsFor("minyi.report-events.v1").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        return all;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Produces every record {@code times} more times, shuffled. */
    private static int redeliverShuffled(List<ConsumerRecord<byte[], byte[]>> all, int times) {
        List<ConsumerRecord<byte[], byte[]>> again = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            again.addAll(all);
        }
        Collections.shuffle(again, new Random(7));
        Map<String, Object> producerProps = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (var producer = new KafkaProducer<byte[], byte[]>(producerProps)) {
            for (var r : again) {
                producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers()));
            }
        }
        return again.size();
    }

    /** The body's summary once every consumer group with members has caught up with the topics (lag 0). */
    private static tools.jackson.databind.JsonNode awaitSettled(String editor) throws Exception {
        ConsumerLag.awaitZero(stack.kafka(), Duration.ofMinutes(3));
        return api.get(editor, "/api/stats/summary?period=all&org=" + BODY).body();
    }

    private static long received(tools.jackson.databind.JsonNode summary) {
        return summary.get("received").asLong();
    }

    private static void expect(Api.Reply reply, int status) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(status);
    }
}
