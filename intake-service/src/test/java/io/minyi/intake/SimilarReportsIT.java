package io.minyi.intake;

import com.jayway.jsonpath.JsonPath;
import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportEdited;
import io.minyi.contracts.ReportMerged;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.intake.similarity.DuplicateEvaluation;
import io.minyi.intake.similarity.SimilarityIndex;
import io.minyi.intake.similarity.store.SimilarityStore;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Near-duplicates found by the similarity projection from the report events, seconds after
 * submission: verdicts, visibility, edits, merges, other instances' writes, and the shared passages.
 */
@MinyiServiceIT
class SimilarReportsIT {

    /** Texts of the labelled set: r001–r003 one problem in three channels, r004 same topic other problem, r005 another topic. */
    static final Map<String, DuplicateEvaluation.Labelled> SET = DuplicateEvaluation.load().stream()
            .collect(Collectors.toMap(DuplicateEvaluation.Labelled::id, Function.identity()));

    @Autowired MockMvc mvc;
    @Autowired SimilarityIndex index;
    @Autowired MongoTemplate mongo;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    @Test
    void aParaphraseIsALikelyDuplicateBothWaysForThoseWhoMaySeeItAndASameTopicReportAtMostRelated() throws Exception {
        String city = OrgFixture.newCity(mvc, "longhua", "longhua/jinyu");
        String street = city + "/longhua/jinyu";
        String district = city + "/longhua";
        String earlier = submit(Callers.member(street), "r001");
        String sameTopic = submit(Callers.member(street), "r004");
        String unrelated = submit(Callers.member(street), "r005");
        String later = submit(Callers.member(district), "r002");

        awaitCandidate(later, earlier, Callers.editor(district));
        mvc.perform(get("/api/reports/" + later + "/similar").with(Callers.editor(district)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].reportId").value(earlier))
                .andExpect(jsonPath("$[0].org").value(street))
                .andExpect(jsonPath("$[0].verdict").value("likely-duplicate"))
                .andExpect(jsonPath("$[0].verdictLabel").value("很可能重复"))
                .andExpect(jsonPath("$[0].score", greaterThanOrEqualTo(0.89)))
                .andExpect(jsonPath("$[?(@.reportId == '" + sameTopic + "')].verdict", not(hasItem("likely-duplicate"))))
                .andExpect(jsonPath("$[*].reportId", not(hasItem(unrelated))));
        awaitCandidate(earlier, later, Callers.editor(city));
        // more like this: the office's search ranks the city's reports by closeness in meaning
        await().untilAsserted(() -> mvc.perform(get("/api/reports?scope=incoming&like=" + earlier).with(Callers.editor(city)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(later))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(earlier)))));
        mvc.perform(get("/api/reports?scope=incoming&like=" + later).with(Callers.editor(city + "/meilan")))
                .andExpect(status().isNotFound());
        // the street body sees its own report but not the district's similar one
        mvc.perform(get("/api/reports/" + earlier + "/similar").with(Callers.editor(street)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].reportId", not(hasItem(later))));
        mvc.perform(get("/api/reports/" + later + "/similar").with(Callers.editor(city + "/meilan")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/reports/" + later + "/similar").with(Callers.member(district)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aReportOfFiveThousandCharactersIsEmbeddedInPartsAndFound() throws Exception {
        String city = OrgFixture.newCity(mvc);
        StringBuilder body = new StringBuilder();
        for (String id : List.of("r001", "r002", "r003", "r004", "r005", "r006", "r007", "r008", "r009", "r010")) {
            body.append(SET.get(id).text().split("\n", 2)[1]);
        }
        String text = body.substring(0, 5000);
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("title", "长篇信息", "body", text));
        String id = JsonPath.read(mvc.perform(post("/api/reports").with(Callers.member(city))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        await().until(() -> index.indexed(id, OrgPath.of(city)));
        String tooLong = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("title", "过长", "body", text + "。"));
        mvc.perform(post("/api/reports").with(Callers.member(city)).contentType(MediaType.APPLICATION_JSON).content(tooLong))
                .andExpect(status().isBadRequest());
    }

    @Test
    void reportsOfAnotherCityAreNeverCandidates() throws Exception {
        String one = OrgFixture.newCity(mvc);
        String other = OrgFixture.newCity(mvc);
        submit(Callers.member(one), "r001");
        String id = submit(Callers.member(other), "r002");
        await().until(() -> index.indexed(id, OrgPath.of(other)));
        mvc.perform(get("/api/reports/" + id + "/similar").with(Callers.editor(other)))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void anEditedTextIsComparedAgainAndAMergedReportIsNoLongerACandidate() throws Exception {
        String city = OrgFixture.newCity(mvc);
        String first = submit(Callers.member(city), "r001");
        String second = submit(Callers.member(city), "r005");
        await().until(() -> index.indexed(second, OrgPath.of(city)));
        mvc.perform(get("/api/reports/" + second + "/similar").with(Callers.editor(city)))
                .andExpect(jsonPath("$[*].reportId", not(hasItem(first))));

        // the editor rewrites the second report into the same matter as the first
        var editor = new Actor("u-editor", "编辑", "editor");
        new EventSender(kafka).send(new ReportEdited(UUID.randomUUID(), Instant.now(), second, OrgPath.of(city), editor,
                2, SET.get("r003").text().split("\n", 2)[0], SET.get("r003").text().split("\n", 2)[1], null, null, null, "采编"));
        awaitCandidate(second, first, Callers.editor(city));

        // a classification-only edit keeps the text; a redelivered submission does not bring the old text back
        var original = new ReportSubmitted(UUID.randomUUID(), Instant.now().minusSeconds(60), second, OrgPath.of(city),
                new Actor("u-m", "委员", "member"), "旧标题", "旧", SET.get("r005").text(), "online", null, null, "normal",
                List.of(), null, null);
        new EventSender(kafka).send(original);
        new EventSender(kafka).send(new ReportMerged(UUID.randomUUID(), Instant.now(), first, OrgPath.of(city), editor,
                second, new Actor("u-m", "委员", "member"), List.of()));
        await().untilAsserted(() -> mvc.perform(get("/api/reports/" + second + "/similar").with(Callers.editor(city)))
                .andExpect(jsonPath("$[*].reportId", not(hasItem(first)))));
        assertThat(mongo.findById(second, org.bson.Document.class, SimilarityStore.COLLECTION).getString("body"))
                .isEqualTo(SET.get("r003").text().split("\n", 2)[1]);
    }

    @Test
    void whatAnotherInstanceStoredIsFollowedAndALoadAfterARestartFindsEverything() throws Exception {
        String city = OrgFixture.newCity(mvc);
        String mine = submit(Callers.member(city), "r002");
        String theirs = submit(Callers.member(city), "r001");
        awaitCandidate(mine, theirs, Callers.editor(city));
        // as if another instance's projection had taken the report out: this one follows the collection
        mongo.updateFirst(Query.query(Criteria.where("_id").is(theirs)),
                new Update().set("active", false).set("changedAt", new java.util.Date()), SimilarityStore.COLLECTION);
        await().untilAsserted(() -> assertThat(index.similar(mine, OrgPath.of(city))).noneMatch(c -> c.reportId().equals(theirs)));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(theirs)),
                new Update().set("active", true).set("changedAt", new java.util.Date()), SimilarityStore.COLLECTION);
        index.load();
        assertThat(index.similar(mine, OrgPath.of(city))).anyMatch(c -> c.reportId().equals(theirs));
    }

    @Test
    void theComparisonMarksTheSentencesBothReportsShare() throws Exception {
        String city = OrgFixture.newCity(mvc, "a", "b");
        String a = submit(Callers.member(city), "r001");
        String b = submit(Callers.member(city), "r003");
        String foreign = submit(Callers.member(city + "/b"), "r004");
        mvc.perform(get("/api/reports/" + a + "/similar/" + b).with(Callers.editor(city)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.report.id").value(a))
                .andExpect(jsonPath("$.other.id").value(b))
                .andExpect(jsonPath("$.report.passages[?(@.pair >= 0)]", not(empty())))
                .andExpect(jsonPath("$.other.passages[?(@.pair >= 0)]", not(empty())))
                .andExpect(jsonPath("$.sharedWords", hasItem("电梯")));
        mvc.perform(get("/api/reports/" + a + "/similar/" + foreign).with(Callers.editor(city + "/a")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/reports/" + a + "/similar/" + a).with(Callers.editor(city)))
                .andExpect(status().isBadRequest());
    }

    private void awaitCandidate(String of, String candidate, RequestPostProcessor who) {
        await().untilAsserted(() -> mvc.perform(get("/api/reports/" + of + "/similar").with(who))
                .andExpect(jsonPath("$[*].reportId", hasItem(candidate))));
    }

    private String submit(RequestPostProcessor who, String labelled) throws Exception {
        String[] text = SET.get(labelled).text().split("\n", 2);
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                Map.of("title", text[0], "body", text[1]));
        String body = mvc.perform(post("/api/reports").with(who).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }
}
