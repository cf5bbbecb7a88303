package io.minyi.intake;

import com.jayway.jsonpath.JsonPath;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.ReportEventMother;
import io.minyi.testsupport.MinyiServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class ReportSearchIT {

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    EventSender sender;
    String city;
    String street;
    String district;
    RequestPostProcessor author;

    @BeforeEach
    void reports() throws Exception {
        sender = new EventSender(kafka);
        city = OrgFixture.newCity(mvc, "longhua", "longhua/jinyu", "meilan");
        district = city + "/longhua";
        street = district + "/jinyu";
        author = Callers.token("u-author-" + city, "member", street, null);
        submit(author, "公交站台缺少遮阳棚", "多个公交站台没有遮阳棚，夏季候车困难。建议（分批）加装。",
                ",\"topic\":\"transport\",\"sector\":\"non-party\",\"urgency\":\"urgent\"");
        submit(author, "背街小巷路灯不亮", "背街小巷路灯损坏，夜间出行不安全。");
        submit(author, "菜市场占道经营", "菜市场周边早晚占道经营，影响通行与公交站台候车。");
        submit(Callers.member(district), "医院周边停车难", "市人民医院周边停车位不足。");
        submit(Callers.member(city + "/meilan"), "海滩垃圾清理不及时", "节假日后海滩垃圾堆积。");
    }

    @Test
    void anAuthorPagesThroughTheirOwnReportsNewestFirst() throws Exception {
        list(author, "scope=mine&size=2").andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].title").value("菜市场占道经营"))
                .andExpect(jsonPath("$.items[0].body").doesNotExist());
        list(author, "scope=mine&size=2&page=1").andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].title").value("公交站台缺少遮阳棚"));
    }

    @Test
    void theOfficeSeesWhatReachedItsBodyAndTheBodiesBelowButNotASiblings() throws Exception {
        list(Callers.editor(district), "scope=incoming").andExpect(jsonPath("$.total").value(4));
        list(Callers.editor(city), "scope=incoming&org=" + street).andExpect(jsonPath("$.total").value(3));
        list(Callers.editor(city), "scope=incoming").andExpect(jsonPath("$.total").value(5));
        list(Callers.editor(city + "/meilan"), "scope=incoming&org=" + district).andExpect(status().isForbidden());
        list(Callers.member(street), "scope=incoming").andExpect(status().isForbidden());
    }

    @Test
    void chineseKeywordsAreFoundByWordOrExactRunOfCharactersRankedAndMarked() throws Exception {
        await().untilAsserted(() -> list(Callers.editor(city), "scope=incoming&q=公交站台").andExpect(jsonPath("$.total").value(2)));
        // the title weighs more than the text: the report about bus stops comes first
        list(Callers.editor(city), "scope=incoming&q=公交站台")
                .andExpect(jsonPath("$.items[0].title").value("公交站台缺少遮阳棚"))
                .andExpect(jsonPath("$.items[1].title").value("菜市场占道经营"))
                .andExpect(jsonPath("$.items[0].titleHighlighted").value("<mark>公交站台</mark>缺少遮阳棚"))
                .andExpect(jsonPath("$.items[1].snippet", containsString("<mark>")))
                .andExpect(jsonPath("$.items[0].score", greaterThan(0.0)));
        list(Callers.editor(city), "scope=incoming&q=公交站台 遮阳").andExpect(jsonPath("$.total").value(1));
        list(Callers.editor(city), "scope=incoming&q=站公").andExpect(jsonPath("$.total").value(0));
        list(Callers.editor(city), "scope=incoming&q=灯").andExpect(jsonPath("$.total").value(1));
        list(Callers.editor(city), "scope=incoming&q=（分批）").andExpect(jsonPath("$.total").value(1));
        list(Callers.editor(city), "scope=incoming&q=.*").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("关键词须包含文字或数字。"));
        list(Callers.editor(city), "scope=incoming&q=，。！").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-query"));
        // a sibling body's office never finds the district's reports
        list(Callers.editor(city + "/meilan"), "scope=incoming&q=公交站台").andExpect(jsonPath("$.total").value(0));
        list(author, "q=公交站台").andExpect(jsonPath("$.total").value(2));
        list(Callers.member(street), "q=公交站台").andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void editsAnswersAndInstructionsAreSearchedAndDepartmentsFilter() throws Exception {
        String id = submit(author, "检索回归" + city, "原始正文提到排水管网。");
        await().untilAsserted(() -> list(author, "q=排水管网").andExpect(jsonPath("$.total").value(1)));
        sender.send(new io.minyi.contracts.ReportEdited(java.util.UUID.randomUUID(), java.time.Instant.now(), id,
                io.minyi.contracts.OrgPath.of(street), new io.minyi.contracts.Actor("u-e", "编辑", "editor"), 2, null,
                "修改后的正文提到雨污分流。", null, null, null, "采编"));
        sender.send(ReportEventMother.assigned(id, street, "haikou-housing"));
        sender.send(new io.minyi.contracts.ReportInstructed(java.util.UUID.randomUUID(), java.time.Instant.now(), id,
                io.minyi.contracts.OrgPath.of(street), new io.minyi.contracts.Actor("u-l", "张市长", "leader"), "市长",
                "请住建局牵头研究海绵城市改造方案。", false));
        var answer = ReportEventMother.responded(id, street, "haikou-housing");
        sender.send(answer);
        sender.send(answer); // redelivered: answered once
        await().untilAsserted(() -> list(Callers.editor(city), "scope=incoming&q=海绵城市").andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id)));
        list(Callers.editor(city), "scope=incoming&q=雨污分流").andExpect(jsonPath("$.total").value(1));
        list(Callers.editor(city), "scope=incoming&q=排水管网").andExpect(jsonPath("$.total").value(0));
        list(Callers.editor(city), "scope=incoming&q=" + answer.response().substring(0, 4))
                .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.hasItem(id)));
        list(Callers.editor(city), "scope=incoming&department=haikou-housing").andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].status").value("responded"));
        list(Callers.editor(city), "scope=incoming&department=no-such-department").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-department"));
        list(Callers.editor(city), "scope=incoming&colour=red").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-parameter"));
    }

    @Test
    void datesAreChinaStandardTimeDaysAndBadParametersAreRejected() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        list(author, "from=" + today + "&to=" + today).andExpect(jsonPath("$.total").value(3));
        list(author, "from=" + tomorrow).andExpect(jsonPath("$.total").value(0));
        list(author, "from=" + tomorrow + "&to=" + today).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-date-range"));
        list(author, "from=2026-13-01").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-date"));
        list(author, "size=101").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-page"));
        list(author, "scope=all").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("unknown-scope"));
        list(author, "q=一 二 三 四 五 六").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-query"));
    }

    private ResultActions list(RequestPostProcessor who, String query) throws Exception {
        return mvc.perform(get("/api/reports?" + query).with(who));
    }

    private String submit(RequestPostProcessor who, String title, String body) throws Exception {
        return submit(who, title, body, "");
    }

    private String submit(RequestPostProcessor who, String title, String body, String more) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/reports").with(who).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + title + "\",\"body\":\"" + body + "\"" + more + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void theOfficeFiltersByTopicSectorChannelAndUrgency() throws Exception {
        list(Callers.editor(city), "scope=incoming&topic=transport").andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].title").value("公交站台缺少遮阳棚"));
        list(Callers.editor(city), "scope=incoming&sector=non-party&urgency=urgent&channel=own-observation")
                .andExpect(jsonPath("$.total").value(1));
        list(Callers.editor(city), "scope=incoming&urgency=very-urgent").andExpect(jsonPath("$.total").value(0));
        list(Callers.editor(city), "scope=incoming&channel=own-observation").andExpect(jsonPath("$.total").value(5));
        list(Callers.editor(city), "scope=incoming&topic=space").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("未知的议题分类：space"));
        list(Callers.editor(city), "scope=incoming&channel=fax").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-channel"));
    }

    @Test
    void theStateFilterFollowsTheWorkflowsEventsAndNeverMovesBack() throws Exception {
        String id = submit(author, "状态跟踪" + city, "用于状态过滤的信息。");
        var redelivered = ReportEventMother.submitted(id, street); // happened before the sign-off
        sender.send(ReportEventMother.signedOff(id, street));
        await().untilAsserted(() -> list(Callers.editor(city), "scope=incoming&state=signed-off")
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].statusLabel").value("已签发")));
        sender.send(redelivered);
        sender.send(ReportEventMother.assigned(id, street, "jinyu-office"));
        await().untilAsserted(() -> mvc.perform(get("/api/reports/" + id).with(author))
                .andExpect(jsonPath("$.status").value("assigned")));
        list(Callers.editor(city), "scope=incoming&state=submitted").andExpect(jsonPath("$.total").value(5));
        list(Callers.editor(city), "scope=incoming&state=lost").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-state"));
    }

    @Test
    void aStationsOfficersFollowWhatWasFiledThroughTheirStationOnly() throws Exception {
        String station = ",\"station\":\"haikou-longhua-jinyu-01\"";
        String mark = "联系点" + city;
        String byMember = submit(author, mark + "群众反映", "经联系点收集的群众意见。", station);
        var officer = Callers.officer(street, "haikou-longhua-jinyu-01");
        submit(officer, mark + "走访记录", "走访中群众反映的问题。", station);
        submit(author, mark + "未经联系点", "没有经过联系点。");
        await().untilAsserted(() -> list(officer, "scope=station&q=" + mark).andExpect(jsonPath("$.total").value(2)));
        mvc.perform(get("/api/reports/" + byMember).with(officer)).andExpect(status().isOk());
        var otherStation = Callers.officer(district, "haikou-longhua-01");
        list(otherStation, "scope=station&q=" + mark).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/reports/" + byMember).with(otherStation)).andExpect(status().isNotFound());
        list(author, "scope=station").andExpect(status().isForbidden());
        // the office narrows its own reports to one station's (the dashboard's drill-down by station)
        list(Callers.editor(city), "scope=incoming&station=haikou-longhua-jinyu-01&q=" + mark)
                .andExpect(jsonPath("$.total").value(2));
        list(Callers.editor(city), "scope=incoming&station=haikou-longhua-jinyu-01")
                .andExpect(jsonPath("$.items[*].title", org.hamcrest.Matchers.hasItem(mark + "走访记录")))
                .andExpect(jsonPath("$.items[*].title", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(mark + "未经联系点"))));
        list(otherStation, "scope=station&station=haikou-longhua-jinyu-01&q=" + mark)
                .andExpect(jsonPath("$.total").value(0));
        list(Callers.editor(city), "scope=incoming&station=no-such-station").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-station"));
        list(Callers.token("u-officer-nostation", "officer", street, null), "scope=station")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("no-station"));
    }
}
