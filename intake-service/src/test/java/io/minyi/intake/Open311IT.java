package io.minyi.intake;

import com.jayway.jsonpath.JsonPath;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReportEventMother;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class Open311IT {

    static final String ORG = "haikou/longhua";
    static final String FORM = "service_code=transport&description=公交站台缺少遮阳棚。夏季候车困难，建议加装。"
            + "&lat=20.0311&long=110.3252&address_string=龙华区滨海大道公交站&email=a@example.cn&api_key=ignored";

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    @Test
    void servicesAreTheTopicsOfTheReferenceLists() throws Exception {
        mvc.perform(get("/open311/v2/services.json").with(Callers.member(ORG))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.service_code=='transport')].service_name").value("交通出行"))
                .andExpect(jsonPath("$[0].metadata").value(false))
                .andExpect(jsonPath("$[0].type").value("realtime"));
        mvc.perform(get("/open311/v2/services/transport.json").with(Callers.member(ORG)))
                .andExpect(jsonPath("$.service_code").value("transport"));
        mvc.perform(get("/open311/v2/services/space.json").with(Callers.member(ORG))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(get("/open311/v2/discovery.json").with(Callers.member(ORG)))
                .andExpect(jsonPath("$.endpoints[0].specification").value("http://wiki.open311.org/GeoReport_v2"));
    }

    @Test
    void aClientFilesARequestAndTracksItUntilItIsClosed() throws Exception {
        var member = Callers.token("u-open311-" + UUID.randomUUID(), "member", ORG, null);
        String id = JsonPath.read(file(member, FORM).andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].service_notice").value("已收到，政协办公室将在当日编审。"))
                .andReturn().getResponse().getContentAsString(), "$[0].service_request_id");

        mvc.perform(get("/api/reports/" + id).with(member))
                .andExpect(jsonPath("$.title").value("公交站台缺少遮阳棚"))
                .andExpect(jsonPath("$.channel").value("online"))
                .andExpect(jsonPath("$.topic").value("transport"))
                .andExpect(jsonPath("$.location").value("龙华区滨海大道公交站"))
                .andExpect(jsonPath("$.latitude").value(20.0311))
                .andExpect(jsonPath("$.contact").value("message"));
        mvc.perform(get("/open311/v2/requests/" + id + ".json").with(member)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").value("已提交"))
                .andExpect(jsonPath("$[0].service_name").value("交通出行"))
                .andExpect(jsonPath("$[0].agency_responsible").value("龙华区政协"))
                .andExpect(jsonPath("$[0].long").value(110.3252))
                .andExpect(jsonPath("$[0].requested_datetime", endsWith("+08:00")))
                .andExpect(jsonPath("$[0].description").value("公交站台缺少遮阳棚。夏季候车困难，建议加装。"));

        new EventSender(kafka).send(ReportEventMother.closed(id, ORG, io.minyi.contracts.Outcome.ADOPTED));
        await().untilAsserted(() -> mvc.perform(get("/open311/v2/requests.json?status=closed").with(member))
                .andExpect(jsonPath("$[*].service_request_id", hasItem(id))));
        mvc.perform(get("/open311/v2/requests.json?status=open&service_code=transport").with(member))
                .andExpect(jsonPath("$[*].service_request_id", not(hasItem(id))));
        mvc.perform(get("/open311/v2/requests.json?service_request_id=" + id + ",nope").with(Callers.editor(ORG)))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].status").value("closed"));
        mvc.perform(get("/open311/v2/requests/" + id + ".json").with(Callers.member(ORG))).andExpect(status().isNotFound());
        mvc.perform(get("/open311/v2/requests.json?service_request_id=" + id).with(Callers.editor("haikou/meilan")))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void badRequestsGetGeoReportErrorsAndFileNothing() throws Exception {
        var member = Callers.member(ORG);
        file(member, "description=x&lat=20&long=110").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400))
                .andExpect(jsonPath("$[0].description").value("缺少参数 service_code。"));
        file(member, FORM.replace("service_code=transport", "service_code=space")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value("未知的服务（service_code）编码：space"));
        file(member, "service_code=transport&description=无位置").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value("须提供位置：lat 与 long，或 address_string。"));
        file(member, FORM.replace("lat=20.0311", "lat=91")).andExpect(status().isBadRequest());
        file(member, FORM.replace("api_key=ignored", "media_url=ftp://x/y.png")).andExpect(status().isBadRequest());
        file(member, "service_code=transport&address_string=x&description=" + "字".repeat(5001))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value("description: 正文不能超过5000个字"));
        file(Callers.editor(ORG), FORM).andExpect(status().isForbidden()).andExpect(jsonPath("$[0].code").value(403));
        mvc.perform(post("/open311/v2/requests.json").with(member).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isUnsupportedMediaType());
        mvc.perform(get("/open311/v2/requests.json?start_date=yesterday").with(member))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].code").value(400));
    }

    private ResultActions file(RequestPostProcessor who, String form) throws Exception {
        return mvc.perform(post("/open311/v2/requests.json").with(who)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form));
    }
}
