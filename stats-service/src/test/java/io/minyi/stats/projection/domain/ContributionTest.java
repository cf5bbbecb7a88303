package io.minyi.stats.projection.domain;

import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.Rating;
import io.minyi.contracts.ReportEvent;
import io.minyi.stats.fixtures.ReportStory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ContributionTest {

    @Test
    void theSumOfTheDeltasIsTheFinalContributionInAnyOrderWithRedeliveries() {
        ReportStory story = ReportStory.submitted("haikou/longhua/jinyu", "2026-11-02T09:00", ReportStory.member("u-w", "王委员"),
                        "transport", "non-party", "visit", "st-1", 7, "李委员")
                .reclassified(1, "education").signedOff(3, true).instructed(4).instructed(5)
                .assigned(6, "dept-a", LocalDate.of(2026, 11, 20)).responded(30)
                .decided(31, Outcome.ADOPTED, AdoptionLevel.DISTRICT).closed(32, Outcome.ADOPTED)
                .rated(40, ReportStory.member("u-w", "王委员"), Rating.SATISFIED);
        Map<String, Long> expected = Contribution.of(fold(story.events())).main();
        Random random = new Random(1);
        for (int run = 0; run < 50; run++) {
            List<ReportEvent> events = new ArrayList<>(story.events());
            events.addAll(events.subList(0, random.nextInt(events.size()))); // some delivered twice
            Collections.shuffle(events, random);
            ReportFact fact = ReportFact.of(story.id(), "haikou/longhua/jinyu");
            Map<String, Long> sum = new HashMap<>();
            Map<String, Long> breakdownSum = new HashMap<>();
            for (ReportEvent e : events) {
                Contribution before = Contribution.of(fact);
                if (fact.apply(e)) {
                    Contribution d = Contribution.delta(before, Contribution.of(fact));
                    d.main().forEach((k, v) -> sum.merge(k, v, Long::sum));
                    d.breakdown("haikou").forEach((k, v) -> breakdownSum.merge(k, v, Long::sum));
                }
            }
            sum.values().removeIf(v -> v == 0);
            breakdownSum.values().removeIf(v -> v == 0);
            Map<String, Long> nonZero = new HashMap<>(expected);
            nonZero.values().removeIf(v -> v == 0);
            assertThat(sum).as("run " + run).isEqualTo(nonZero);
            assertThat(breakdownSum).containsEntry("topic.education.rcv", 1L).doesNotContainKey("topic.transport.rcv")
                    .containsEntry("body.haikou/longhua.adp", 1L).containsEntry("coauthor.李委员.lv.district", 1L);
        }
        assertThat(expected).containsEntry("rcv", 1L).containsEntry("ins", 1L).containsEntry("insN", 2L)
                .containsEntry("ont", 1L).containsEntry("lv.district", 1L).containsEntry("rt.satisfied", 1L)
                .containsEntry("st.closed", 1L).containsEntry("vis", 7L);
    }

    @Test
    void instructedReportsCountByTheLevelOfEachLeaderOnce() {
        ReportStory story = ReportStory.submitted("haikou/longhua", "2026-11-02T09:00", ReportStory.member("u-w", "王委员"),
                "transport", null, "online", null, null).signedOff(2, true)
                .instructedOnPaper(3, io.minyi.contracts.LeaderLevel.CITY).instructedOnPaper(4, io.minyi.contracts.LeaderLevel.CITY)
                .instructedOnPaper(5, io.minyi.contracts.LeaderLevel.PROVINCE).instructed(6);
        ReportFact fact = ReportFact.of(story.id(), "haikou/longhua");
        story.events().forEach(fact::apply);
        Contribution c = Contribution.of(fact);
        assertThat(c.main()).containsEntry("ins", 1L).containsEntry("insN", 4L)
                .containsEntry("il.city", 1L).containsEntry("il.province", 1L).doesNotContainKey("il.district");
        assertThat(c.breakdown("haikou")).containsEntry("topic.transport.il.city", 1L);
    }

    @Test
    void nothingIsCountedBeforeTheSubmissionIsKnown() {
        ReportStory story = ReportStory.submitted("haikou", "2026-11-02T09:00", ReportStory.member("u-w", "王委员"),
                null, null, "online", null, null).signedOff(2, true);
        ReportFact fact = ReportFact.of(story.id(), "haikou");
        fact.apply(story.events().get(1));
        assertThat(Contribution.of(fact)).isEqualTo(Contribution.NONE);
        Contribution before = Contribution.of(fact);
        fact.apply(story.events().get(0));
        Contribution d = Contribution.delta(before, Contribution.of(fact));
        assertThat(d.main()).containsEntry("rcv", 1L).containsEntry("sgn", 1L).containsEntry("st.signed-off", 1L);
        assertThat(d.day()).isEqualTo(LocalDate.of(2026, 11, 2));
    }

    @Test
    void aWithdrawnReportLeavesTheReceivedCountAndEveryBreakdown() {
        ReportStory story = ReportStory.submitted("haikou/longhua", "2026-11-02T23:30", ReportStory.member("u-w", "王委员"),
                "transport", null, "online", null, null).withdrawn(1, ReportStory.member("u-w", "王委员"));
        ReportFact fact = ReportFact.of(story.id(), "haikou/longhua");
        fact.apply(story.events().get(0));
        Contribution before = Contribution.of(fact);
        fact.apply(story.events().get(1));
        Contribution d = Contribution.delta(before, Contribution.of(fact));
        assertThat(d.main()).containsEntry("rcv", -1L).containsEntry("wdr", 1L).containsEntry("st.submitted", -1L)
                .containsEntry("st.withdrawn", 1L);
        assertThat(d.breakdown("haikou")).containsEntry("topic.transport.rcv", -1L);
        assertThat(d.day()).as("received on the 2nd in China Standard Time").isEqualTo(LocalDate.of(2026, 11, 2));
    }

    @Test
    void anOverdueAssignmentCountsUntilItIsAnsweredOrGivenANewDeadline() {
        ReportStory story = ReportStory.submitted("haikou", "2026-11-02T09:00", ReportStory.member("u-w", "王委员"),
                null, null, "online", null, null).signedOff(1, true).assigned(2, "dept-a", LocalDate.of(2026, 11, 5))
                .overdue(100, LocalDate.of(2026, 11, 5)).responded(120);
        ReportFact fact = ReportFact.of(story.id(), "haikou");
        story.events().subList(0, 4).forEach(fact::apply);
        assertThat(Contribution.of(fact).main()).containsEntry("ovd", 1L);
        fact.apply(story.events().get(4));
        assertThat(Contribution.of(fact).main()).containsEntry("ovd", 0L).containsEntry("ont", 0L);
    }

    @Test
    void theSubBodyOnTheWayDownNamesTheNextLevel() {
        assertThat(Contribution.childOnTheWay("haikou/longhua/jinyu", "haikou")).isEqualTo("haikou/longhua");
        assertThat(Contribution.childOnTheWay("haikou/longhua/jinyu", "haikou/longhua")).isEqualTo("haikou/longhua/jinyu");
        assertThat(Contribution.childOnTheWay("haikou", "haikou")).isEqualTo(Contribution.SELF);
    }

    private static ReportFact fold(List<ReportEvent> events) {
        ReportFact f = ReportFact.of(events.get(0).reportId(), events.get(0).org().value());
        events.forEach(f::apply);
        return f;
    }
}
