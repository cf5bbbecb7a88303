package io.minyi.routing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minyi.contracts.Actor;
import io.minyi.contracts.AssignmentBounced;
import io.minyi.contracts.AssignmentDueSoon;
import io.minyi.contracts.ExtensionDecided;
import io.minyi.contracts.ExtensionRequested;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReplyReturned;
import io.minyi.contracts.AssignmentOverdue;
import io.minyi.contracts.ReportEvent;
import io.minyi.routing.calendar.domain.WorkingCalendar;
import io.minyi.routing.supervision.SupervisionScanner;
import io.minyi.routing.supervision.domain.Reminders;
import io.minyi.routing.workflow.domain.ReportCase;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class SupervisionIT {

    static final String ORG = "haikou/longhua";
    static final String DEPT = ReportEventMother.DEPARTMENT;

    @Autowired MockMvc mvc;
    @Autowired MongoTemplate mongo;
    @Autowired CaseStore cases;
    @Autowired WorkingCalendar calendar;
    @Autowired Reminders reminders;
    @Autowired Clock clock;
    @Autowired SupervisionScanner scanner;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrap;
    EventProbe probe;
    String id;

    @BeforeEach
    void assigned() throws Exception {
        probe = new EventProbe(bootstrap);
        id = UUID.randomUUID().toString();
        new EventSender(kafka).send(ReportEventMother.submitted(id, ORG));
        await().untilAsserted(() -> assertThat(cases.find(id)).isPresent());
        act(Callers.editor(ORG), "{\"action\":\"start-editing\"}");
        act(Callers.leader(ORG), "{\"action\":\"sign-off\"}");
        String today = LocalDate.ofInstant(clock.instant(), ReportCase.ZONE).toString();
        act(Callers.editor(ORG), "{\"action\":\"assign\",\"department\":\"" + DEPT + "\",\"deadline\":\"" + today + "\"}");
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void theScheduledScanTakesItsLeaseInTheStoreSoReplicasScanOncePerPeriod(
            @Autowired io.micrometer.core.instrument.MeterRegistry meters,
            @Autowired org.springframework.scheduling.config.ScheduledTaskHolder scheduler) {
        Runnable timer = scheduler.getScheduledTasks().stream().map(t -> t.getTask().getRunnable())
                .filter(r -> r.toString().contains("SupervisionScanner")).findFirst().orElseThrow();
        double runs = count(meters, "minyi.jobs.runs");
        double skipped = count(meters, "minyi.jobs.skipped");
        timer.run();
        timer.run(); // the same period: as a second replica's timer firing would find it, the lease is taken
        assertThat(count(meters, "minyi.jobs.runs") - runs).isEqualTo(1);
        assertThat(count(meters, "minyi.jobs.skipped") - skipped).isEqualTo(1);
        org.bson.Document lease = mongo.findById("supervision-scan", org.bson.Document.class,
                io.minyi.support.scheduling.JobLeasesAutoConfiguration.COLLECTION);
        assertThat(lease.getDate("lockUntil")).as("held for the period (PT1M) after the scan ended")
                .isAfterOrEqualTo(java.util.Date.from(lease.getDate("lockedAt").toInstant().plus(Duration.ofSeconds(59))));
        mongo.remove(Query.query(Criteria.where("_id").is("supervision-scan")),
                io.minyi.support.scheduling.JobLeasesAutoConfiguration.COLLECTION);
    }

    private static double count(io.micrometer.core.instrument.MeterRegistry meters, String name) {
        var counter = meters.find(name).tag("job", "supervision-scan").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aDeadlineTodayRemindsOnceAndAPassedOneEscalatesOnceEvenWithTwoInstancesAndARestart() throws Exception {
        SupervisionScanner otherInstance = new SupervisionScanner(cases, calendar, reminders, clock,
                new SimpleMeterRegistry());
        scanTwiceAtOnce(otherInstance);
        assertThat(probe.await(id, AssignmentDueSoon.class).workingDaysLeft()).isZero();

        // time passes: the deadline is now yesterday
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ReportCase.ZONE).minusDays(1);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("assignment.deadline", yesterday.toString()), CaseStore.COLLECTION);
        scanTwiceAtOnce(otherInstance);
        AssignmentOverdue overdue = probe.await(id, AssignmentOverdue.class);
        assertThat(overdue.department()).isEqualTo(DEPT);
        assertThat(overdue.actor().role()).isEqualTo("system");

        // a restarted instance finds nothing left to send
        SupervisionScanner restarted = new SupervisionScanner(cases, calendar, reminders, clock, new SimpleMeterRegistry());
        restarted.scan();
        assertThat(probe.all(id, Duration.ofSeconds(1)).stream().map(ReportEvent::eventType)
                .filter(t -> t.startsWith("assignment."))).containsExactly("assignment.due-soon", "assignment.overdue");

        mvc.perform(get("/api/supervision/overdue").with(Callers.leader("haikou")))
                .andExpect(jsonPath("$[?(@.id=='" + id + "')].department").value(DEPT))
                .andExpect(jsonPath("$[?(@.id=='" + id + "')].deadline").value(yesterday.toString()));
        mvc.perform(get("/api/supervision/overdue").with(Callers.editor("haikou/meilan")))
                .andExpect(jsonPath("$[?(@.id=='" + id + "')]").isEmpty());
        mvc.perform(get("/api/supervision/overdue").with(Callers.member(ORG))).andExpect(status().isForbidden());

        // long overdue: escalated (督办) once, by one of the two instances
        LocalDate longAgo = LocalDate.ofInstant(clock.instant(), ReportCase.ZONE).minusDays(10);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("assignment.deadline", longAgo.toString()), CaseStore.COLLECTION);
        scanTwiceAtOnce(otherInstance);
        var escalated = probe.await(id, io.minyi.contracts.AssignmentEscalated.class);
        assertThat(escalated.workingDaysOverdue()).isGreaterThanOrEqualTo(3);
        assertThat(escalated.deadline()).isEqualTo(longAgo);
        restarted.scan();
        assertThat(probe.all(id, Duration.ofSeconds(1)).stream().map(ReportEvent::eventType)
                .filter(t -> t.equals("assignment.escalated"))).hasSize(1);
    }

    @Test
    void anAnsweredAssignmentIsNotChased() throws Exception {
        new EventSender(kafka).send(ReportEventMother.responded(id, ORG, DEPT));
        await().untilAsserted(() -> assertThat(cases.find(id).orElseThrow().status().wireName()).isEqualTo("responded"));
        scanner.scan();
        assertThat(probe.all(id, Duration.ofSeconds(1))).noneMatch(e -> e.eventType().startsWith("assignment."));
    }

    @Test
    void whileAnExtensionRequestWaitsTheClockIsPausedAndTheOfficesDecisionSetsTheDeadline() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ReportCase.ZONE);
        new EventSender(kafka).send(new ExtensionRequested(UUID.randomUUID(), clock.instant(), id, OrgPath.of(ORG),
                new Actor("u-dept", "办理人", "department"), DEPT, today.plusDays(30), "需会同三个区调研"));
        await().untilAsserted(() -> mvc.perform(get("/api/reports/" + id + "/workflow").with(Callers.editor(ORG)))
                .andExpect(jsonPath("$.extensionAsked").value(today.plusDays(30).toString())));
        scanner.scan();
        assertThat(probe.all(id, Duration.ofSeconds(1))).as("no reminder while the office decides")
                .noneMatch(e -> e.eventType().startsWith("assignment.due-soon"));

        act(Callers.editor(ORG), "{\"action\":\"decide-extension\",\"approved\":true,\"comment\":\"同意\"}");
        ExtensionDecided decided = probe.await(id, ExtensionDecided.class);
        assertThat(decided.deadline()).isEqualTo(today.plusDays(30));
        mvc.perform(post("/api/reports/" + id + "/transitions").with(Callers.editor(ORG))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"decide-extension\",\"approved\":false}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("no-extension-request"));
    }

    @Test
    void aBouncedReportWaitsForTheOfficeToAssignItElsewhere() throws Exception {
        new EventSender(kafka).send(new AssignmentBounced(UUID.randomUUID(), clock.instant(), id, OrgPath.of(ORG),
                new Actor("u-dept", "办理人", "department"), DEPT, "属于规划部门职责"));
        await().untilAsserted(() -> assertThat(cases.find(id).orElseThrow().status().wireName()).isEqualTo("bounced"));
        mvc.perform(get("/api/worklist?scope=queue&status=bounced").with(Callers.editor(ORG)))
                .andExpect(jsonPath("$[?(@.id=='" + id + "')].statusLabel").value("待改派"));
        act(Callers.editor(ORG), "{\"action\":\"assign\",\"department\":\"longhua-planning\"}");
        assertThat(cases.find(id).orElseThrow().assignment().department()).isEqualTo("longhua-planning");
    }

    @Test
    void theOfficeSendsAnUnsatisfyingAnswerBackAndTheDepartmentAnswersAgain() throws Exception {
        new EventSender(kafka).send(ReportEventMother.responded(id, ORG, DEPT));
        await().untilAsserted(() -> assertThat(cases.find(id).orElseThrow().status().wireName()).isEqualTo("responded"));
        mvc.perform(post("/api/reports/" + id + "/transitions").with(Callers.editor(ORG))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"return-reply\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("missing-comment"));
        act(Callers.editor(ORG), "{\"action\":\"return-reply\",\"comment\":\"答复未说明具体措施和时限\"}");
        assertThat(probe.await(id, ReplyReturned.class).department()).isEqualTo(DEPT);
        assertThat(cases.find(id).orElseThrow().status().wireName()).isEqualTo("handling");
        new EventSender(kafka).send(ReportEventMother.responded(id, ORG, DEPT));
        await().untilAsserted(() -> assertThat(cases.find(id).orElseThrow().status().wireName()).isEqualTo("responded"));
        act(Callers.editor(ORG), "{\"action\":\"decide\",\"outcome\":\"adopted\",\"adoptionLevel\":\"district\"}");
    }

    @Test
    void theOfficeUrgesOneOrManyAndEachReportSaysWhatBecameOfIt() throws Exception {
        mvc.perform(post("/api/reports/" + id + "/transitions").with(Callers.editor(ORG)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"urge\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("missing-comment"));
        act(Callers.editor(ORG), "{\"action\":\"urge\",\"comment\":\"请于本周内答复\"}");
        var urged = probe.await(id, io.minyi.contracts.AssignmentUrged.class);
        assertThat(urged.department()).isEqualTo(DEPT);
        assertThat(urged.note()).isEqualTo("请于本周内答复");
        assertThat(cases.find(id).orElseThrow().status()).isEqualTo(io.minyi.contracts.ReportStatus.ASSIGNED);

        String notAssigned = UUID.randomUUID().toString();
        new EventSender(kafka).send(ReportEventMother.submitted(notAssigned, ORG));
        await().untilAsserted(() -> assertThat(cases.find(notAssigned)).isPresent());
        mvc.perform(post("/api/supervision/urge").with(Callers.editor(ORG)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reportIds\":[\"" + id + "\",\"" + notAssigned + "\",\"no-such-report\"],\"note\":\"再次催办\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].urged").value(true))
                .andExpect(jsonPath("$[1].urged").value(false)).andExpect(jsonPath("$[1].code").value("illegal-transition"))
                .andExpect(jsonPath("$[2].code").value("not-found"));
        await().untilAsserted(() -> assertThat(probe.all(id, java.time.Duration.ofMillis(500)).stream()
                .filter(e -> e instanceof io.minyi.contracts.AssignmentUrged).count()).isEqualTo(2));
        mvc.perform(post("/api/supervision/urge").with(Callers.editor("haikou/meilan")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reportIds\":[\"" + id + "\"],\"note\":\"越权\"}"))
                .andExpect(jsonPath("$[0].urged").value(false)).andExpect(jsonPath("$[0].code").value("not-found"));
        mvc.perform(post("/api/supervision/urge").with(Callers.editor(ORG)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reportIds\":[],\"note\":\"\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/supervision/urge").with(Callers.leader(ORG)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reportIds\":[\"" + id + "\"],\"note\":\"领导\"}")).andExpect(status().isForbidden());
    }

    private void scanTwiceAtOnce(SupervisionScanner other) {
        var a = CompletableFuture.supplyAsync(scanner::scan);
        var b = CompletableFuture.supplyAsync(other::scan);
        a.join();
        b.join();
    }

    private void act(org.springframework.test.web.servlet.request.RequestPostProcessor who, String json)
            throws Exception {
        mvc.perform(post("/api/reports/" + id + "/transitions").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isOk());
    }
}
