package io.minyi.intake;

import com.jayway.jsonpath.JsonPath;
import io.minyi.contracts.ReportDraftDiscarded;
import io.minyi.contracts.ReportDraftSaved;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.intake.draft.DraftStore;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventProbe;
import io.minyi.testsupport.MinyiServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class DraftsIT {

    static final String ORG = "haikou/longhua/jinyu";

    @Autowired MockMvc mvc;
    @Autowired MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}") String kafka;
    EventProbe probe;
    RequestPostProcessor author;

    @BeforeEach
    void setUp() {
        probe = new EventProbe(kafka);
        author = Callers.token("u-drafter-" + UUID.randomUUID(), "member", ORG, null);
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void anAuthorSavesAnUnfinishedDraftEditsItAndSubmitsItUnderTheSameId() throws Exception {
        String id = create("{\"title\":\"老旧小区加装电梯\"}").andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.content.title").value("老旧小区加装电梯"))
                .andReturn().getResponse().getHeader("Location").replace("/api/drafts/", "");
        assertThat(probe.await(id, ReportDraftSaved.class).revision()).isEqualTo(1);

        mvc.perform(get("/api/drafts").with(author)).andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/drafts/" + id).with(Callers.editor(ORG))).andExpect(status().isNotFound());

        save(id, "\"1\"", "{\"title\":\"老旧小区加装电梯进展缓慢\",\"body\":\"审批环节多。\",\"topic\":\"urban-construction\"}")
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.content.body").value("审批环节多。"));
        assertThat(probe.await(id, e -> e instanceof ReportDraftSaved s && s.revision() == 2)).isNotNull();

        mvc.perform(post("/api/drafts/" + id + "/submission").with(author).header("If-Match", "\"2\""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/reports/" + id))
                .andExpect(jsonPath("$.status").value("submitted"))
                .andExpect(jsonPath("$.topic").value("urban-construction"));
        ReportSubmitted submitted = probe.await(id, ReportSubmitted.class);
        assertThat(submitted.title()).isEqualTo("老旧小区加装电梯进展缓慢");

        mvc.perform(get("/api/reports/" + id).with(Callers.editor(ORG))).andExpect(status().isOk());
        mvc.perform(get("/api/drafts").with(author)).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(post("/api/drafts/" + id + "/submission").with(author))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"));
        save(id, "\"2\"", "{\"title\":\"改\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("draft-submitted"));
    }

    @Test
    void aSaveFromAStaleRevisionIsRefusedAndChangesNothing() throws Exception {
        String id = idOf(create("{\"title\":\"第一版\"}"));
        save(id, "\"1\"", "{\"title\":\"手机上改的\"}").andExpect(status().isOk());
        save(id, "\"1\"", "{\"title\":\"电脑上改的\"}").andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("stale-draft"))
                .andExpect(jsonPath("$.detail").value("草稿已在别处保存过更新的版本，请刷新后再修改。"));
        save(id, null, "{\"title\":\"电脑上改的\"}").andExpect(status().isPreconditionRequired());
        save(id, "3", "{\"title\":\"电脑上改的\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-if-match"));
        mvc.perform(get("/api/drafts/" + id).with(author)).andExpect(jsonPath("$.content.title").value("手机上改的"))
                .andExpect(jsonPath("$.revision").value(2));
    }

    @Test
    void anIncompleteDraftIsNotSubmittedAndSaysWhichFieldsAreMissing() throws Exception {
        String id = idOf(create("{\"title\":\"只有标题\",\"channel\":\"visit\"}"));
        mvc.perform(post("/api/drafts/" + id + "/submission").with(author))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid-fields"))
                .andExpect(jsonPath("$.errors[?(@.field=='body')].message").value("正文不能为空"));
        save(id, "\"1\"", "{\"title\":\"只有标题\",\"body\":\"正文\",\"channel\":\"visit\"}").andExpect(status().isOk());
        mvc.perform(post("/api/drafts/" + id + "/submission").with(author))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-constituents"));
        mvc.perform(get("/api/reports/" + id).with(author)).andExpect(status().isNotFound());
        assertThat(probe.all(id, java.time.Duration.ofMillis(500)))
                .noneMatch(ReportSubmitted.class::isInstance);
    }

    @Test
    void draftsObeyTheSizeLimitsOfReportsAndOnlyAuthorsWriteThem() throws Exception {
        create("{\"body\":\"" + "字".repeat(5001) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='body')].message").value("正文不能超过5000个字"));
        mvc.perform(post("/api/drafts").with(Callers.editor(ORG)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"t\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/drafts").with(author).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"t\",\"org\":\"haikou/meilan\"}")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("foreign-org"));
        String id = idOf(create("{\"title\":\"别人的草稿\"}"));
        mvc.perform(put("/api/drafts/" + id).with(Callers.member(ORG)).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/drafts/" + id + "/submission").with(Callers.member(ORG)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDiscardedDraftIsGoneAndItsEndIsAnEvent() throws Exception {
        String id = idOf(create("{\"title\":\"不想写了\"}"));
        mvc.perform(delete("/api/drafts/" + id).with(author).header("If-Match", "\"7\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(delete("/api/drafts/" + id).with(author)).andExpect(status().isNoContent());
        assertThat(probe.await(id, ReportDraftDiscarded.class).actor().role()).isEqualTo("member");
        mvc.perform(get("/api/drafts/" + id).with(author)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/drafts/" + id).with(author)).andExpect(status().isNotFound());
        mvc.perform(post("/api/drafts/" + id + "/submission").with(author)).andExpect(status().isNotFound());
        Document tombstone = mongo.findById(id, Document.class, DraftStore.COLLECTION);
        assertThat(tombstone.getString("state")).isEqualTo("DISCARDED");
    }

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/drafts").with(author).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions save(String id, String ifMatch, String json) throws Exception {
        var request = put("/api/drafts/" + id).with(author).contentType(MediaType.APPLICATION_JSON).content(json);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    private static String idOf(ResultActions created) throws Exception {
        return JsonPath.read(created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.id");
    }
}
