package io.minyi.intake;

import com.jayway.jsonpath.JsonPath;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventProbe;
import io.minyi.testsupport.MinyiServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class IdempotentSubmissionIT {

    private static final String REPORT = """
            {"title":"菜市场周边占道经营","body":"金宇街道菜市场周边早晚高峰占道经营，影响通行。建议划定临时摊区。"}""";

    @Autowired MockMvc mvc;
    @Autowired MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}") String kafka;

    @Test
    void aRetriedSubmissionReturnsTheFirstReportAndPublishesOneEvent() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = id(submit(member(), key, REPORT).andExpect(status().isCreated()));
        submit(member(), key, REPORT).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("Location", "/api/reports/" + first))
                .andExpect(jsonPath("$.id").value(first));

        assertThat(mongo.count(Query.query(Criteria.where("_id").is(first)), ReportStore.COLLECTION)).isEqualTo(1);
        try (EventProbe probe = new EventProbe(kafka)) {
            probe.await(first, ReportSubmitted.class);
            assertThat(probe.all(first, Duration.ofSeconds(1))).extracting(ReportEvent::eventType)
                    .containsExactly("report.submitted");
        }
    }

    @Test
    void concurrentRetriesCreateExactlyOneReport() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        long before = mongo.getCollection(ReportStore.COLLECTION).countDocuments();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<String> call = () -> id(submit(member(), key, REPORT).andExpect(status().isCreated()));
                replies.add(pool.submit(call));
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Future<String> reply : replies) {
                ids.add(reply.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(mongo.getCollection(ReportStore.COLLECTION).countDocuments()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithDifferentContentIsRejectedAndChangesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = id(submit(member(), key, REPORT).andExpect(status().isCreated()));
        submit(member(), key, REPORT.replace("占道经营，", "占道经营严重，"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("idempotency-key-reused"))
                .andExpect(jsonPath("$.detail").value("该 Idempotency-Key 已用于另一份内容不同的提交。"));
        Document stored = mongo.findById(first, Document.class, ReportStore.COLLECTION);
        assertThat(stored.getString("body")).contains("占道经营，影响通行");
    }

    @Test
    void keysAreScopedToTheirAuthorAndMalformedKeysAreRejected() throws Exception {
        String key = UUID.randomUUID().toString();
        String mine = id(submit(member(), key, REPORT).andExpect(status().isCreated()));
        String theirs = id(submit(Callers.token("u-other", "member", "haikou/longhua/jinyu", null), key, REPORT)
                .andExpect(status().isCreated()));
        assertThat(theirs).isNotEqualTo(mine);

        submit(member(), "带中文的键", REPORT).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-idempotency-key"));
        submit(member(), "k".repeat(129), REPORT).andExpect(status().isBadRequest());
    }

    private ResultActions submit(RequestPostProcessor who, String key, String json) throws Exception {
        return mvc.perform(post("/api/reports").with(who).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String id(ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
    }

    private static RequestPostProcessor member() {
        return Callers.member("haikou/longhua/jinyu");
    }
}
