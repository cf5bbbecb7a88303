package io.minyi.stats;

import io.minyi.contracts.audit.AuditCodec;
import io.minyi.contracts.audit.AuditEvent;
import io.minyi.stats.audit.store.AuditStore;
import io.minyi.support.messaging.CloudEventsKafka;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.MinyiServiceIT;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log as the auditor uses it: every entry published by any service is stored once, chained,
 * readable only by the auditor, unchangeable through minyi, and a change made behind minyi's back is found.
 */
@MinyiServiceIT
class AuditLogIT {

    @Autowired MockMvc mvc;
    @Autowired MongoTemplate mongo;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    static final org.springframework.test.web.servlet.request.RequestPostProcessor AUDITOR =
            Callers.token("u-auditor", "auditor", "haikou", null);

    @Test
    void entriesAreStoredOnceReadableByTheAuditorOnlyAndTheChainVerifies() throws Exception {
        AuditEvent reveal = entry(AuditEvent.Actions.PERSONAL_DATA_REVEALED, "r-audit-1");
        publish(reveal);
        publish(reveal); // redelivered
        publish(entry(AuditEvent.Actions.EXPORT, "海口市-汇总.csv"));

        await().untilAsserted(() -> assertThat(mongo.count(Query.query(Criteria.where("subject").in("r-audit-1", "海口市-汇总.csv")),
                AuditStore.COLLECTION)).isEqualTo(2));
        mvc.perform(get("/api/audit").param("action", AuditEvent.Actions.PERSONAL_DATA_REVEALED).with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[*].event.subject").value(hasItem("r-audit-1")))
                .andExpect(jsonPath("$.entries[0].event.reason").value("电话回访"));
        mvc.perform(get("/api/audit/verify").with(AUDITOR))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true));

        for (var who : new org.springframework.test.web.servlet.request.RequestPostProcessor[]{
                Callers.token("u-admin", "admin", "haikou", null), Callers.editor("haikou"),
                Callers.token("u-sec", "security-admin", "haikou", null)}) {
            mvc.perform(get("/api/audit").with(who)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/audit").with(Callers.token("u-both", "auditor", "haikou", null)
                        .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_auditor"),
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_admin"))))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/audit").with(AUDITOR)).andExpect(status().is4xxClientError());
        mvc.perform(put("/api/audit").with(AUDITOR).contentType("application/json").content("{}"))
                .andExpect(status().is4xxClientError());
        assertThat(mongo.count(new Query(), AuditStore.COLLECTION)).isGreaterThanOrEqualTo(2);
        await().untilAsserted(() -> assertThat(mongo.count(Query.query(Criteria.where("action").is(AuditEvent.Actions.AUDIT_READ)
                .and("actorId").is("u-auditor")), AuditStore.COLLECTION)).isPositive());
    }

    @Test
    void anEntryAlteredBehindMinyisBackBreaksTheChainFromThere() throws Exception {
        publish(entry(AuditEvent.Actions.SIGN_IN_FAILED, "member-x"));
        await().untilAsserted(() -> assertThat(mongo.exists(Query.query(Criteria.where("subject").is("member-x")), AuditStore.COLLECTION)).isTrue());
        Document victim = mongo.findOne(Query.query(Criteria.where("subject").is("member-x")), Document.class, AuditStore.COLLECTION);
        String original = victim.getString("entry");
        try {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(victim.get("_id"))),
                    new Update().set("entry", original.replace("sign-in.failed", "sign-in")), AuditStore.COLLECTION);
            mvc.perform(get("/api/audit/verify").with(AUDITOR))
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.firstBroken").value(((Number) victim.get("seq")).intValue()));
        } finally {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(victim.get("_id"))), new Update().set("entry", original),
                    AuditStore.COLLECTION);
        }
    }

    @Test
    void aHeadLeftBehindByACrashIsCaughtUpAndTheChainStaysWhole() throws Exception {
        publish(entry(AuditEvent.Actions.EXPORT, "before-crash.csv"));
        await().untilAsserted(() -> assertThat(mongo.exists(Query.query(Criteria.where("subject").is("before-crash.csv")), AuditStore.COLLECTION)).isTrue());
        // as if the service died after writing an entry but before moving the head on
        mongo.updateFirst(Query.query(Criteria.where("_id").is("head")), new Update().inc("seq", -1), "audit_chain");
        publish(entry(AuditEvent.Actions.EXPORT, "after-crash.csv"));
        await().untilAsserted(() -> assertThat(mongo.exists(Query.query(Criteria.where("subject").is("after-crash.csv")), AuditStore.COLLECTION)).isTrue());
        mvc.perform(get("/api/audit/verify").with(AUDITOR)).andExpect(jsonPath("$.intact").value(true));
    }

    private static AuditEvent entry(String action, String subject) {
        return new AuditEvent(UUID.randomUUID(), Instant.now(), action, "u-editor", "陈编辑", "editor", "haikou",
                subject, AuditEvent.SUCCESS, "电话回访", "intake-service", "req-1", "10.0.0.1", Map.of("scope", "full"));
    }

    private void publish(AuditEvent e) {
        kafka.send(new ProducerRecord<>(AuditEvent.TOPIC, null, e.actorId(), AuditCodec.toJson(e),
                CloudEventsKafka.headers(e.eventId().toString(), "io.minyi.audit." + e.action() + ".v1", "/minyi/test",
                        e.subject(), e.occurredAt()))).join();
    }
}
