package io.minyi.stats.bench;

import io.minyi.contracts.Actor;
import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.Rating;
import io.minyi.contracts.ReportEvent;
import io.minyi.stats.fixtures.ReportStory;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Report lives of a city (4 districts of 3 street groups each), 2,000 members, 30 stations and 40
 * departments, received from 2024-01-01 to 2026-11-30 in order of receipt (as a topic holds them): most
 * signed off, assigned, answered and closed; some withdrawn, some still waiting, some overdue. Each report's
 * events follow its submission at once.
 */
final class HistoryGenerator {

    static final String CITY = "benchcity";
    private static final String[] TOPICS = {"transport", "education", "urban-construction", "health", "environment",
            "social-security", "economy", "culture"};
    private static final String[] SECTORS = {"ccp", "rcckmt", "cdl", "cndca", "non-party", "economy", "agriculture",
            "science", "education", "health"};
    private static final String[] CHANNELS = {"visit", "online", "own-observation", "micro-suggestion", "consultation"};
    private final Random r;
    private final String[] bodies;
    private final Actor[] members = new Actor[2000];
    private final int days = (int) (LocalDate.of(2026, 11, 30).toEpochDay() - LocalDate.of(2024, 1, 1).toEpochDay()) + 1;

    private final int total;
    private int made;

    HistoryGenerator(long seed, int total) {
        this.total = total;
        r = new Random(seed);
        java.util.List<String> b = new java.util.ArrayList<>(List.of(CITY));
        for (int d = 1; d <= 4; d++) {
            b.add(CITY + "/d" + d);
            for (int s = 1; s <= 3; s++) {
                b.add(CITY + "/d" + d + "/s" + s);
            }
        }
        bodies = b.toArray(String[]::new);
        for (int i = 0; i < members.length; i++) {
            members[i] = ReportStory.member("u-m" + i, "委员" + i);
        }
    }

    List<ReportEvent> next() {
        Actor author = members[r.nextInt(members.length)];
        LocalDate day = LocalDate.of(2024, 1, 1).plusDays((long) made++ * days / total);
        boolean visit = r.nextInt(3) == 0;
        ReportStory s = ReportStory.submitted(bodies[r.nextInt(bodies.length)], day + "T" + String.format("%02d", 8 + r.nextInt(10))
                        + ":00", author, TOPICS[r.nextInt(TOPICS.length)], SECTORS[r.nextInt(SECTORS.length)],
                visit ? "visit" : CHANNELS[r.nextInt(CHANNELS.length)], visit ? "st-" + r.nextInt(30) : null,
                visit ? 1 + r.nextInt(40) : null, r.nextInt(5) == 0 ? new String[]{members[r.nextInt(members.length)].name()} : new String[0]);
        int fate = r.nextInt(20);
        if (fate == 0) {
            return s.withdrawn(2, author).events();
        }
        if (fate == 1) {
            return s.events();
        }
        s.signedOff(1 + r.nextInt(30), r.nextInt(4) != 0);
        if (r.nextInt(6) == 0) {
            s.instructed(40);
        }
        LocalDate deadline = day.plusDays(15 + r.nextInt(10));
        s.assigned(48, "dept-" + r.nextInt(40), deadline);
        if (fate == 2) {
            return s.overdue(24 * 30, deadline).events();
        }
        s.responded(60 + r.nextInt(24 * 25));
        boolean adopted = r.nextInt(3) != 0;
        s.closed(24 * 28, adopted ? Outcome.ADOPTED : Outcome.NOT_ADOPTED);
        if (adopted) {
            s.decided(24 * 27, Outcome.ADOPTED, AdoptionLevel.values()[r.nextInt(3)]);
        }
        if (r.nextInt(3) == 0) {
            s.rated(24 * 29, author, Rating.values()[r.nextInt(3)]);
        }
        return s.events();
    }
}
