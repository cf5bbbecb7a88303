package io.minyi.intake;

import com.jayway.jsonpath.JsonPath;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventProbe;
import io.minyi.testsupport.MinyiServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.minyi.intake.report.store.ReportStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class ReportDetailsIT {

    static final String ORG = "haikou/longhua/jinyu";
    static final String TEXT = "\"title\":\"菜市场周边占道经营\",\"body\":\"早晚高峰占道经营，影响通行。\"";

    @Autowired MockMvc mvc;
    @Autowired MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}") String kafka;

    @Test
    void aStationReportFromAReceptionDayKeepsItsChannelAndClassification() throws Exception {
        String json = "{" + TEXT + ",\"channel\":\"visit\",\"station\":\"haikou-longhua-jinyu-01\",\"constituents\":23,"
                + "\"coAuthors\":[\" 李委员 \",\"陈委员\"],\"topic\":\"market-regulation\",\"sector\":\"non-party\","
                + "\"location\":\"金宇街道农贸市场\",\"urgency\":\"urgent\",\"suggestions\":\"划定临时摊区\",\"contact\":\"phone\"}";
        String body = submit(json).andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("visit"))
                .andExpect(jsonPath("$.channelLabel").value("走访/接访"))
                .andExpect(jsonPath("$.constituents").value(23))
                .andExpect(jsonPath("$.coAuthors[0]").value("李委员"))
                .andExpect(jsonPath("$.urgencyLabel").value("紧急"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");

        mvc.perform(get("/api/reports/" + id).with(Callers.editor(ORG)))
                .andExpect(jsonPath("$.station").value("haikou-longhua-jinyu-01"))
                .andExpect(jsonPath("$.location").value("金宇街道农贸市场"))
                .andExpect(jsonPath("$.contact").value("phone"));
        try (EventProbe probe = new EventProbe(kafka)) {
            ReportSubmitted event = probe.await(id, ReportSubmitted.class);
            assertThat(event.channel()).isEqualTo("visit");
            assertThat(event.topic()).isEqualTo("market-regulation");
            assertThat(event.sector()).isEqualTo("non-party");
            assertThat(event.urgency()).isEqualTo("urgent");
            assertThat(event.coAuthors()).containsExactly("李委员", "陈委员");
        }
    }

    @Test
    void withoutDetailsAReportIsTheAuthorsOwnObservationOfNormalUrgency() throws Exception {
        submit("{" + TEXT + "}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("own-observation"))
                .andExpect(jsonPath("$.urgency").value("normal"))
                .andExpect(jsonPath("$.contact").value("none"));
    }

    @Test
    void channelRulesAndReferenceCodesAreEnforcedAndNothingIsStored() throws Exception {
        long before = mongo.getCollection(ReportStore.COLLECTION).countDocuments();
        rejected("\"channel\":\"visit\"", "invalid-constituents", "走访/接访渠道须填写接待群众人数。");
        rejected("\"channel\":\"online\",\"constituents\":3", "invalid-constituents", "只有走访/接访渠道填写接待群众人数。");
        rejected("\"channel\":\"consultation\"", "invalid-consultationref", "协商未解决转化的信息须填写协商事项编号。");
        rejected("\"topic\":\"space-travel\"", "invalid-topic", "未知的议题分类编码：space-travel");
        rejected("\"sector\":\"x\"", "invalid-sector", "未知的界别编码：x");
        rejected("\"station\":\"nowhere\"", "invalid-station", "未知的联系点/委员工作站编码：nowhere");
        submit("{" + TEXT + ",\"channel\":\"fax\",\"urgency\":\"now\",\"constituents\":0}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-fields"))
                .andExpect(jsonPath("$.errors.length()").value(3));
        submit("{" + TEXT + ",\"coAuthors\":[\"\"]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("联名人姓名须为 1 到 30 个字"));
        assertThat(mongo.getCollection(ReportStore.COLLECTION).countDocuments()).isEqualTo(before);
    }

    @Test
    void theReferenceCatalogueIsOfferedToSignedInUsers() throws Exception {
        mvc.perform(get("/api/reference").with(Callers.member(ORG))).andExpect(status().isOk())
                .andExpect(jsonPath("$.sectors[?(@.code=='non-party')].name").value("无党派人士"))
                .andExpect(jsonPath("$.stations[?(@.code=='haikou-longhua-jinyu-01')].org").value(ORG));
        mvc.perform(get("/api/reference")).andExpect(status().isUnauthorized());
    }

    private void rejected(String fields, String code, String detail) throws Exception {
        submit("{" + TEXT + "," + fields + "}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value(code)).andExpect(jsonPath("$.detail").value(detail));
    }

    private ResultActions submit(String json) throws Exception {
        return mvc.perform(post("/api/reports").with(Callers.member(ORG)).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
