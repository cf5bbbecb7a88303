package io.minyi.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How far behind the platform's consumers are, from the broker (Kafka's admin client): for every consumer
 * group with members — the services' projections, search indexes, inboxes, notices — the records of the
 * partitions it consumes that it has not yet committed. A group without members (an instance killed, a
 * probe that is done) is not waited for.
 */
final class ConsumerLag {

    private ConsumerLag() {
    }

    /** Returns once every active group has caught up with every partition it consumes; fails after {@code timeout}. */
    static Map<String, Long> awaitZero(String bootstrap, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> behind = Map.of();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (System.nanoTime() < deadline) {
                behind = lags(admin);
                if (behind.values().stream().allMatch(l -> l <= 0)) {
                    return behind;
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("consumers still behind after " + timeout + ": " + behind);
    }

    /** Group → records not yet committed, for the groups with members. */
    static Map<String, Long> lags(Admin admin) throws Exception {
        var ids = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(10, TimeUnit.SECONDS).stream()
                .map(GroupListing::groupId).toList();
        Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(ids).all().get(10, TimeUnit.SECONDS);
        Map<String, Long> lags = new TreeMap<>();
        for (var group : groups.values()) {
            if (group.members().isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            var assigned = group.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                    .collect(Collectors.toSet());
            if (assigned.isEmpty()) {
                lags.put(group.groupId(), 1L); // rebalancing: not caught up yet
                continue;
            }
            var ends = admin.listOffsets(assigned.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition p : assigned) {
                OffsetAndMetadata done = committed.get(p);
                lag += ends.get(p).offset() - (done == null ? 0 : done.offset());
            }
            lags.put(group.groupId(), lag);
        }
        return lags;
    }
}
