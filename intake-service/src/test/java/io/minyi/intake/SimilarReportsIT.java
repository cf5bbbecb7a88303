package io.minyi.intake;

import com.jayway.jsonpath.JsonPath;
import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.intake.similarity.SimilarityIndex;
import io.minyi.intake.similarity.domain.Candidate;
import io.minyi.intake.similarity.domain.Fingerprint;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.bson.Document;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class SimilarReportsIT {

    static final String SHELTER_A = """
            {"title":"公交站台缺少遮阳挡雨设施","body":"市区多个公交站台没有遮阳棚和座椅，夏季高温暴晒、雨季无处避雨，老人和学生候车十分辛苦。建议交通部门对全市公交站台进行排查，分批加装遮阳挡雨棚和候车座椅。"}""";
    static final String SHELTER_B = """
            {"title":"建议为公交站点加装候车棚","body":"不少市民反映，很多公交站点只有一根站牌，没有候车棚也没有座位，夏天太阳暴晒、下雨淋湿，老年人和学生候车很不方便。建议全面排查公交站点设施，分批次建设遮阳避雨候车棚并配置座椅。"}""";
    static final String UNRELATED = """
            {"title":"背街小巷路灯不亮","body":"多条背街小巷路灯损坏长期无人维修，夜间出行存在安全隐患。建议市政部门开展路灯普查，建立报修快速响应机制。"}""";

    @Autowired MockMvc mvc;
    @Autowired SimilarityIndex index;
    @Autowired MongoTemplate mongo;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    @Test
    void aParaphraseOfAnEarlierReportIsFoundAndLinkedBothWaysForThoseWhoMaySeeIt() throws Exception {
        String city = OrgFixture.newCity(mvc, "longhua", "longhua/jinyu");
        String street = city + "/longhua/jinyu";
        String district = city + "/longhua";
        String earlier = submit(Callers.member(street), SHELTER_A);
        String unrelated = submit(Callers.member(street), UNRELATED);
        String later = submit(Callers.member(district), SHELTER_B);

        mvc.perform(get("/api/reports/" + later + "/similar").with(Callers.editor(district)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].reportId").value(earlier))
                .andExpect(jsonPath("$[0].org").value(street))
                .andExpect(jsonPath("$[0].score", greaterThanOrEqualTo(0.09)));
        mvc.perform(get("/api/reports/" + earlier + "/similar").with(Callers.editor(city)))
                .andExpect(jsonPath("$[0].reportId").value(later));
        // the street body sees its own report but not the district's similar one
        mvc.perform(get("/api/reports/" + earlier + "/similar").with(Callers.editor(street)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/reports/" + unrelated + "/similar").with(Callers.editor(city)))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/reports/" + later + "/similar").with(Callers.editor(city + "/meilan")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/reports/" + later + "/similar").with(Callers.member(district)))
                .andExpect(status().isForbidden());
    }

    @Test
    void reportsOfAnotherCityAreNeverCandidates() throws Exception {
        String one = OrgFixture.newCity(mvc);
        String other = OrgFixture.newCity(mvc);
        submit(Callers.member(one), SHELTER_A);
        String id = submit(Callers.member(other), SHELTER_B);
        mvc.perform(get("/api/reports/" + id + "/similar").with(Callers.editor(other)))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void reportsStoredBeforeARestartAndReportsTakenInByAnotherInstanceAreCandidates() throws Exception {
        String city = OrgFixture.newCity(mvc, "longhua");
        // stored by an earlier run of the service, never seen by this one: found once the index is rebuilt
        String earlier = "before-restart-" + UUID.randomUUID();
        String text = JsonPath.read(SHELTER_A, "$.title") + "\n" + JsonPath.read(SHELTER_A, "$.body");
        mongo.insert(new Document("_id", earlier).append("org", city).append("title", "公交站台缺少遮阳挡雨设施")
                .append("submittedAt", new Date()).append("status", "submitted")
                .append("fingerprint", Arrays.stream(Fingerprint.of(text).minHashes()).boxed().toList()),
                ReportStore.COLLECTION);
        assertThat(index.similar(OrgPath.of(city), Fingerprint.of(text), null)).isEmpty();
        index.load();
        // another instance took this report in; this one learns of it from the event only
        var elsewhere = new ReportSubmitted(UUID.randomUUID(), Instant.now(), "elsewhere-" + earlier,
                OrgPath.of(city + "/longhua"), new Actor("u-x", "某委员", "member"), "公交站点缺候车棚",
                "公交站点", JsonPath.read(SHELTER_B, "$.body"), "online", null, null, "normal", List.of());
        new EventSender(kafka).send(elsewhere);
        await().untilAsserted(() -> assertThat(index.similar(OrgPath.of(city), Fingerprint.of(
                elsewhere.title() + "\n" + elsewhere.body()), null)).extracting(Candidate::reportId)
                .contains(elsewhere.reportId()));

        String later = submit(Callers.member(city + "/longhua"), SHELTER_B);
        mvc.perform(get("/api/reports/" + later + "/similar").with(Callers.editor(city)))
                .andExpect(jsonPath("$[*].reportId", hasItems(earlier, elsewhere.reportId())));
    }

    private String submit(RequestPostProcessor who, String json) throws Exception {
        String body = mvc.perform(post("/api/reports").with(who).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }
}
