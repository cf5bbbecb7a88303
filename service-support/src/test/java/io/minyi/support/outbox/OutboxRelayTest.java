package io.minyi.support.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportEditingStarted;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The relay keeps a document's events in their order when the broker refuses one of them. */
class OutboxRelayTest {

    @SuppressWarnings("unchecked")
    final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
    final MongoTemplate mongo = mock(MongoTemplate.class);
    final BulkOperations bulk = mock(BulkOperations.class);
    final List<PendingEvent> events = new ArrayList<>();
    final OutboxRelay relay = new OutboxRelay(mongo, kafka, "cases", "test", Duration.ofSeconds(1), new SimpleMeterRegistry());

    OutboxRelayTest() {
        for (int i = 0; i < 3; i++) {
            events.add(PendingEvent.of(new ReportEditingStarted(UUID.randomUUID(), Instant.now(), "r-1",
                    OrgPath.of("haikou"), new Actor("u-editor", "李编辑", "editor"))));
        }
        Document doc = new Document("_id", "r-1").append("outbox", events.stream().map(PendingEvent::toDocument).toList());
        when(mongo.find(any(Query.class), eq(Document.class), eq("cases"))).thenReturn(List.of(doc), List.of());
        when(mongo.bulkOps(any(BulkOperations.BulkMode.class), eq("cases"))).thenReturn(bulk);
    }

    @Test
    void aRefusedEventLeavesItAndEveryLaterOnePendingUnsent() {
        when(kafka.send(any(org.apache.kafka.clients.producer.ProducerRecord.class)))
                .thenReturn(ok(), CompletableFuture.failedFuture(new IllegalStateException("broker refused")), ok());
        relay.sweep();
        verify(kafka, times(2)).send(any(org.apache.kafka.clients.producer.ProducerRecord.class));
        ArgumentCaptor<Update> pulled = ArgumentCaptor.forClass(Update.class);
        verify(bulk).updateOne(any(Query.class), pulled.capture());
        assertThat(pulled.getValue().toString()).contains(events.get(0).eventId())
                .doesNotContain(events.get(1).eventId()).doesNotContain(events.get(2).eventId());
    }

    @Test
    void whenTheFirstIsRefusedNothingElseIsSentOrMarked() {
        when(kafka.send(any(org.apache.kafka.clients.producer.ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));
        relay.sweep();
        verify(kafka, times(1)).send(any(org.apache.kafka.clients.producer.ProducerRecord.class));
        verify(bulk, never()).updateOne(any(Query.class), any(Update.class));
    }

    private static CompletableFuture<SendResult<String, byte[]>> ok() {
        return CompletableFuture.completedFuture(null);
    }
}
