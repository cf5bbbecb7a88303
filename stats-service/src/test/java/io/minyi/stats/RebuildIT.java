package io.minyi.stats;

import io.minyi.stats.fixtures.ReportStory;
import io.minyi.stats.fixtures.Stories;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class RebuildIT {

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRebuildReadsTheTopicFromItsStartIntoANewGenerationWhileTheOldOneServesAndGivesTheSameFigures() throws Exception {
        String city = "r" + UUID.randomUUID().toString().substring(0, 8);
        List<ReportStory> stories = Stories.random(city, 40, 21);
        EventSender sender = new EventSender(kafka);
        stories.forEach(s -> s.events().forEach(sender::send));
        long received = stories.stream().filter(s -> s.events().stream().noneMatch(e -> e.eventType().equals("report.withdrawn")))
                .count();
        String summary = "/api/stats/summary?period=all&org=" + city;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get(summary).with(Callers.leader(city)))
                .andExpect(jsonPath("$.received").value(received)));
        await().pollDelay(Duration.ofMillis(500)).until(() -> true); // the last events' facts settle
        String before = body(summary, city);
        String breakdownBefore = body("/api/stats/breakdown?by=member&period=all&org=" + city, city);
        int active = json.readTree(rebuildState(city)).get("active").asInt();

        var admin = Callers.token("u-admin-" + city, "admin", city, null);
        mvc.perform(post("/api/stats/rebuild").with(admin)).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.rebuilding").value(active + 1));
        mvc.perform(post("/api/stats/rebuild").with(admin)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("rebuild-running"));
        assertThat(body(summary, city)).as("the old generation serves during the rebuild").isEqualTo(before);

        await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(rebuildState(city)).get("active").asInt() == active + 1);
        var last = json.readTree(rebuildState(city)).get("lastRebuild");
        assertThat(last.get("events").asLong()).isGreaterThanOrEqualTo(stories.stream().mapToLong(s -> s.events().size()).sum());
        assertThat(last.get("eventsPerSecond").asLong()).isPositive();
        assertThat(body(summary, city)).isEqualTo(before);
        assertThat(body("/api/stats/breakdown?by=member&period=all&org=" + city, city)).isEqualTo(breakdownBefore);

        mvc.perform(post("/api/stats/rebuild").with(Callers.token("u-a", "admin", city + "/longhua", null)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("platform-admin-only"));
        mvc.perform(post("/api/stats/rebuild").with(Callers.editor(city))).andExpect(status().isForbidden());
    }

    private String rebuildState(String city) throws Exception {
        return mvc.perform(get("/api/stats/rebuild").with(Callers.token("u-admin-" + city, "admin", city, null)))
                .andReturn().getResponse().getContentAsString();
    }

    private String body(String path, String city) throws Exception {
        return mvc.perform(get(path).with(Callers.leader(city))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
