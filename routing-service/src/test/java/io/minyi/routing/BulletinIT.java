package io.minyi.routing;

import com.jayway.jsonpath.JsonPath;
import io.minyi.contracts.ReportInBulletin;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventProbe;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReportEventMother;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import java.io.ByteArrayInputStream;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class BulletinIT {

    @Autowired MockMvc mvc;
    @Autowired CaseStore cases;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrap;
    EventProbe probe;
    String org;

    @BeforeEach
    void setUp() {
        probe = new EventProbe(bootstrap);
        org = "c" + UUID.randomUUID().toString().substring(0, 8); // a city of this test's own: its own numbering
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void theOfficeCompilesSignedOffReportsIntoNumberedIssuesALeaderPublishesAndWordExports() throws Exception {
        String signed = report(true);
        String unsigned = report(false);
        String first = open().andExpect(status().isCreated()).andExpect(jsonPath("$.number").value(1))
                .andExpect(jsonPath("$.title", containsString("年第1期"))).andReturn().getResponse().getHeader("Location");
        open().andExpect(jsonPath("$.number").value(2));

        compose(first, Callers.editor(org), "[\"" + unsigned + "\"]").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("not-signed-off"));
        compose(first, Callers.editor(org), "[\"" + signed + "\"]").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].title").value("老旧小区加装电梯进展缓慢"));
        String second = JsonPath.read(mvc.perform(get("/api/bulletins").with(Callers.editor(org)))
                .andReturn().getResponse().getContentAsString(), "$[?(@.number==2)].id").toString()
                .replaceAll("[\\[\\]\"]", "");
        compose("/api/bulletins/" + second, Callers.editor(org), "[\"" + signed + "\"]").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-in-issue"));

        mvc.perform(put(first + "/distribution").with(Callers.editor(org)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sendTo\":\"" + "市".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sendTo"))
                .andExpect(jsonPath("$.errors[0].message", containsString("200")));
        mvc.perform(put(first + "/distribution").with(Callers.leader(org)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"sendTo\":\"市委\"}")).andExpect(status().isForbidden());
        mvc.perform(put(first + "/distribution").with(Callers.editor(org)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"office\":\"龙华区政协办公室\",\"sendTo\":\"区委、区政府领导同志\",\"copyTo\":\"区委办\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sendTo").value("区委、区政府领导同志"))
                .andExpect(jsonPath("$.copyTo").value("区委办")).andExpect(jsonPath("$.office").value("龙华区政协办公室"))
                .andExpect(jsonPath("$.signer").doesNotExist());

        mvc.perform(post(first + "/publish").with(Callers.editor(org))).andExpect(status().isForbidden());
        mvc.perform(post(first + "/publish").with(Callers.leader(org))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("published")).andExpect(jsonPath("$.signer").isNotEmpty());
        mvc.perform(put(first + "/distribution").with(Callers.editor(org)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"sendTo\":\"市委\"}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("published"));
        ReportInBulletin event = probe.await(signed, ReportInBulletin.class);
        assertThat(event.number()).isEqualTo(1);
        assertThat(event.bulletinOrg().value()).isEqualTo(org);
        mvc.perform(post(first + "/publish").with(Callers.leader(org))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("published"));
        compose(first, Callers.editor(org), "[]").andExpect(status().isConflict());
        mvc.perform(post("/api/bulletins/" + second + "/publish").with(Callers.leader(org)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("empty-issue"));

        byte[] docx = mvc.perform(get(first + "/export.docx").with(Callers.leader(org))).andExpect(status().isOk())
                .andExpect(content().contentType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andExpect(header().string("Content-Disposition", containsString(".docx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var word = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(word.getParagraphs().get(0).getText()).isEqualTo("社情民意信息专报");
            assertThat(word.getParagraphs().get(2).getText()).startsWith("龙华区政协办公室编");
            assertThat(word.getTables().get(0).getText()).contains("报送：区委、区政府领导同志", "抄送：区委办", "印发");
        }
        byte[] pdf = mvc.perform(get(first + "/export.pdf").with(Callers.editor(org))).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", containsString(".pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", ""))
                    .contains("社情民意信息专报", "老旧小区加装电梯进展缓慢", "报送：区委、区政府领导同志");
        }
    }

    @Test
    void aReportMergedIntoAnotherCreditsItsAuthorsOnceAndTheBylineNamesThemAll() throws Exception {
        String into = report(false);
        String merged = UUID.randomUUID().toString();
        var submitted = ReportEventMother.submitted(merged, org);
        var other = new io.minyi.contracts.ReportSubmitted(UUID.randomUUID(), java.time.Instant.now(), merged,
                submitted.org(), new io.minyi.contracts.Actor("u-zhao", "赵委员", "member"), submitted.title(),
                submitted.summary(), submitted.body(), submitted.channel(), submitted.topic(), null, "normal",
                java.util.List.of("钱委员"));
        new EventSender(kafka).send(other);
        await().untilAsserted(() -> assertThat(cases.find(merged)).isPresent());
        act(merged, Callers.editor(org), "{\"action\":\"start-editing\"}");
        act(merged, Callers.editor(org), "{\"action\":\"merge\",\"into\":\"" + into + "\"}");
        var mergedEvent = probe.await(merged, io.minyi.contracts.ReportMerged.class);
        var credited = probe.await(into, io.minyi.contracts.ReportCredited.class);
        assertThat(credited.merged()).isEqualTo(merged);
        assertThat(credited.author().name()).isEqualTo("赵委员");
        assertThat(credited.coAuthors()).containsExactly("钱委员");
        new EventSender(kafka).send(mergedEvent); // redelivered: no second credit
        act(into, Callers.leader(org), "{\"action\":\"sign-off\"}");
        probe.await(into, io.minyi.contracts.ReportSignedOff.class);
        assertThat(probe.all(into, java.time.Duration.ofSeconds(2)))
                .filteredOn(e -> e instanceof io.minyi.contracts.ReportCredited).hasSize(1);

        String issue = open().andReturn().getResponse().getHeader("Location");
        compose(issue, Callers.editor(org), "[\"" + into + "\"]").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].authorName").value("王委员、赵委员、钱委员"));
    }

    @Test
    void onlyTheBodysOwnOfficeCompilesAndNoSiblingSeesIt() throws Exception {
        String first = open().andReturn().getResponse().getHeader("Location");
        mvc.perform(post("/api/bulletins").with(Callers.member(org))).andExpect(status().isForbidden());
        compose(first, Callers.editor(org + "/longhua"), "[]").andExpect(status().isNotFound());
        mvc.perform(get(first).with(Callers.editor("haikou"))).andExpect(status().isNotFound());
        mvc.perform(get(first).with(Callers.leader(org))).andExpect(status().isOk());
        compose(first, Callers.editor(org), "[\"no-such-report\"]").andExpect(status().isNotFound());
    }

    private String report(boolean signOff) throws Exception {
        String id = UUID.randomUUID().toString();
        new EventSender(kafka).send(ReportEventMother.submitted(id, org));
        await().untilAsserted(() -> assertThat(cases.find(id)).isPresent());
        act(id, Callers.editor(org), "{\"action\":\"start-editing\"}");
        if (signOff) {
            act(id, Callers.leader(org), "{\"action\":\"sign-off\"}");
        }
        return id;
    }

    private void act(String id, RequestPostProcessor who, String json) throws Exception {
        mvc.perform(post("/api/reports/" + id + "/transitions").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isOk());
    }

    private ResultActions open() throws Exception {
        return mvc.perform(post("/api/bulletins").with(Callers.editor(org)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"office\":\"测试市政协办公室\"}"));
    }

    private ResultActions compose(String location, RequestPostProcessor who, String ids) throws Exception {
        return mvc.perform(put(location + "/items").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reportIds\":" + ids + "}"));
    }
}
