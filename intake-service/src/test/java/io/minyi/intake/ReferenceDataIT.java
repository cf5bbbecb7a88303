package io.minyi.intake;

import io.minyi.testsupport.Callers;
import io.minyi.testsupport.MinyiServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class ReferenceDataIT {

    static final RequestPostProcessor CITY_ADMIN = Callers.token("u-admin", "admin", "haikou", null);

    @Autowired MockMvc mvc;

    @Test
    void theDemoCityIsSeededAndEveryoneSignedInReadsTheLists() throws Exception {
        mvc.perform(get("/api/reference").with(Callers.member("haikou/longhua"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.orgs[*].code", hasItem("haikou/longhua/jinyu")))
                .andExpect(jsonPath("$.stations[?(@.code=='haikou-longhua-jinyu-01')].org").value("haikou/longhua/jinyu"))
                .andExpect(jsonPath("$.topics[?(@.code=='transport')].name").value("交通出行"));
        mvc.perform(get("/api/reference/sectors").with(Callers.member("haikou")))
                .andExpect(jsonPath("$[?(@.code=='jiusan')].name").value("九三学社"));
        mvc.perform(get("/api/reference?retired=true").with(Callers.member("haikou"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/reference/planets").with(Callers.member("haikou"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("unknown-list"));
    }

    @Test
    void aCityAdministratorAddsAndRetiresATopicAndSubmissionsFollow() throws Exception {
        String topic = "t-" + UUID.randomUUID().toString().substring(0, 8);
        save(CITY_ADMIN, "topics/" + topic, "{\"name\":\" 营商环境 \"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("营商环境")).andExpect(jsonPath("$.active").value(true));
        submit(topic).andExpect(status().isCreated());

        mvc.perform(delete("/api/reference/topics/" + topic).with(CITY_ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        submit(topic).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-topic"));
        mvc.perform(get("/api/reference/topics").with(Callers.member("haikou")))
                .andExpect(jsonPath("$[*].code", not(hasItem(topic))));
        mvc.perform(get("/api/reference/topics?retired=true").with(CITY_ADMIN))
                .andExpect(jsonPath("$[?(@.code=='" + topic + "')].active").value(false));
        mvc.perform(delete("/api/reference/topics/never-" + topic).with(CITY_ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void administratorsMaintainTheirOwnBodyAndTheBodiesBelowOnly() throws Exception {
        var districtAdmin = Callers.token("u-admin-longhua", "admin", "haikou/longhua", null);
        String station = "s-" + UUID.randomUUID().toString().substring(0, 8);
        save(districtAdmin, "topics/x-" + station, "{\"name\":\"区里自定\"}").andExpect(status().isForbidden());
        save(districtAdmin, "stations/" + station, "{\"name\":\"城西镇委员工作室\",\"org\":\"haikou/longhua/chengxi\"}")
                .andExpect(status().isOk());
        save(districtAdmin, "stations/" + station, "{\"name\":\"改到美兰\",\"org\":\"haikou/meilan\"}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("foreign-org"));
        save(districtAdmin, "stations/" + station, "{\"name\":\"无组织\",\"org\":\"haikou/nowhere\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("unknown-org"));
        save(Callers.editor("haikou"), "topics/x-" + station, "{\"name\":\"编辑\"}").andExpect(status().isForbidden());
        save(CITY_ADMIN, "topics/Bad_Code", "{\"name\":\"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-code"));
        save(CITY_ADMIN, "topics/ok-" + station, "{\"name\":\"" + "长".repeat(51) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-name"));
        save(CITY_ADMIN, "topics/ok-" + station, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("请填写名称"));
        mvc.perform(get("/api/reference/stations").with(Callers.member("haikou")))
                .andExpect(jsonPath("$[?(@.code=='" + station + "')].org").value("haikou/longhua/chengxi"));
    }

    @Test
    void theOrgTreeGrowsFromItsRootAndOnlyRegisteredBodiesReceiveReports() throws Exception {
        String city = OrgFixture.newCity(mvc, "longhua");
        var admin = Callers.token("u-admin-" + city, "admin", city, null);
        save(admin, "orgs/" + city + "/nowhere/street", "{\"name\":\"无上级\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-parent"));
        save(Callers.token("u-admin-other", "admin", "haikou", null), "orgs/" + city + "/xiuying", "{\"name\":\"x\"}")
                .andExpect(status().isForbidden());

        var unregistered = Callers.member(city + "/meilan");
        mvc.perform(post("/api/reports").with(unregistered).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"body\":\"b\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("unknown-org"));
        mvc.perform(post("/api/drafts").with(unregistered).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"t\"}")).andExpect(status().isUnprocessableContent());

        save(admin, "orgs/" + city, "{\"name\":\"x\",\"active\":false}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("org-in-use"));
        mvc.perform(delete("/api/reference/orgs/" + city + "/longhua").with(admin)).andExpect(status().isOk());
        mvc.perform(post("/api/reports").with(Callers.member(city + "/longhua")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"t\",\"body\":\"b\"}")).andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/reports").with(Callers.member(city)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"t\",\"body\":\"b\"}")).andExpect(status().isCreated());
    }

    private ResultActions save(RequestPostProcessor who, String path, String json) throws Exception {
        return mvc.perform(put("/api/reference/" + path).with(who).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions submit(String topic) throws Exception {
        return mvc.perform(post("/api/reports").with(Callers.member("haikou/longhua"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"营商环境\",\"body\":\"审批事项多。\",\"topic\":\"" + topic + "\"}"));
    }
}
