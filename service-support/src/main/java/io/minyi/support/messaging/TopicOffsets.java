package io.minyi.support.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The first and next offsets of every partition of a topic, asked of the brokers (10 s at most). */
public final class TopicOffsets {

    private TopicOffsets() {
    }

    /** Each partition's end: the offset its next record will get. */
    public static Map<TopicPartition, Long> latest(Admin client, String topic) throws Exception {
        return offsets(client, topic, OffsetSpec.latest());
    }

    /** Each partition's first record still kept (its end when retention emptied it). */
    public static Map<TopicPartition, Long> earliest(Admin client, String topic) throws Exception {
        return offsets(client, topic, OffsetSpec.earliest());
    }

    private static Map<TopicPartition, Long> offsets(Admin client, String topic, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> asked = partitions(client, topic).stream().collect(Collectors.toMap(tp -> tp, tp -> spec));
        return client.listOffsets(asked).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static List<TopicPartition> partitions(Admin client, String topic) throws Exception {
        return client.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }
}
