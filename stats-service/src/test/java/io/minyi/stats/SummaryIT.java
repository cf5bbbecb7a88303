package io.minyi.stats;

import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportEvent;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReportEventMother;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;

import static io.minyi.testsupport.ReportEventMother.DEPARTMENT;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class SummaryIT {

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    @Test
    void countsABodyAndItsSubBodiesOnceEachDespiteRedeliveryAndReordering() throws Exception {
        String city = "c" + UUID.randomUUID().toString().substring(0, 8);
        String district = city + "/longhua";
        String street = district + "/jinyu";
        String sibling = city + "/meilan";
        EventSender sender = new EventSender(kafka);

        List<ReportEvent> adopted = life("a", street, Outcome.ADOPTED);
        List<ReportEvent> rejected = life("b", district, Outcome.NOT_ADOPTED);
        // adopted report: every event twice, closed first
        sender.send(adopted.get(4));
        adopted.forEach(sender::send);
        adopted.forEach(sender::send);
        rejected.forEach(sender::send);
        sender.send(ReportEventMother.submitted("c-" + UUID.randomUUID(), district));
        sender.send(ReportEventMother.submitted("d-" + UUID.randomUUID(), sibling));
        String withdrawn = "w-" + UUID.randomUUID();
        sender.send(ReportEventMother.submitted(withdrawn, district));
        sender.send(ReportEventMother.withdrawn(withdrawn, district));
        sender.send(ReportEventMother.draftSaved("e-" + UUID.randomUUID(), district)); // drafts are not counted
        String marker = "z-" + UUID.randomUUID();
        sender.send(ReportEventMother.submitted(marker, city));

        await().untilAsserted(() -> mvc.perform(get("/api/stats/summary?org=" + city).with(Callers.leader(city)))
                .andExpect(jsonPath("$.received").value(5)));
        mvc.perform(get("/api/stats/summary?org=" + district).with(Callers.editor(district)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.org").value(district))
                .andExpect(jsonPath("$.received").value(3))
                .andExpect(jsonPath("$.signedOff").value(2))
                .andExpect(jsonPath("$.assigned").value(2))
                .andExpect(jsonPath("$.responded").value(2))
                .andExpect(jsonPath("$.closed").value(2))
                .andExpect(jsonPath("$.adopted").value(1))
                .andExpect(jsonPath("$.notAdopted").value(1))
                .andExpect(jsonPath("$.adoptionRate").value(0.3333))
                .andExpect(jsonPath("$.byStatus.submitted").value(1))
                .andExpect(jsonPath("$.byStatus.closed").value(2))
                .andExpect(jsonPath("$.withdrawn").value(1))
                .andExpect(jsonPath("$.byStatus.withdrawn").value(1));
        mvc.perform(get("/api/stats/summary").with(Callers.editor(street)))
                .andExpect(jsonPath("$.org").value(street))
                .andExpect(jsonPath("$.received").value(1))
                .andExpect(jsonPath("$.adoptionRate").value(1.0));
    }

    @Test
    void aBodyNeverSeesTheStatisticsOfASiblingOrItsParent() throws Exception {
        mvc.perform(get("/api/stats/summary?org=haikou/longhua").with(Callers.editor("haikou/meilan")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("foreign-org"));
        mvc.perform(get("/api/stats/summary?org=haikou").with(Callers.editor("haikou/meilan")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/stats/summary").with(Callers.member("haikou"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/stats/summary?org=Haikou//x").with(Callers.leader("haikou")))
                .andExpect(status().isBadRequest());
    }

    private static List<ReportEvent> life(String prefix, String org, Outcome outcome) {
        String id = prefix + "-" + UUID.randomUUID();
        return List.of(ReportEventMother.submitted(id, org), ReportEventMother.signedOff(id, org),
                ReportEventMother.assigned(id, org, DEPARTMENT), ReportEventMother.responded(id, org, DEPARTMENT),
                ReportEventMother.closed(id, org, outcome));
    }
}
