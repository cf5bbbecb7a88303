package io.minyi.stats.projection.domain;

import io.minyi.contracts.ChinaTime;
import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.AssignmentOverdue;
import io.minyi.contracts.ExtensionDecided;
import io.minyi.contracts.AssignmentDeadlineRecomputed;
import io.minyi.contracts.AssignmentUrged;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReopenDecided;
import io.minyi.contracts.ReplyReturned;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportCredited;
import io.minyi.contracts.ReportEdited;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportForwarded;
import io.minyi.contracts.ReportInstructed;
import io.minyi.contracts.ReportMerged;
import io.minyi.contracts.ReportOutcomeDecided;
import io.minyi.contracts.ReportRated;
import io.minyi.contracts.ReportRejected;
import io.minyi.contracts.ReportResponded;
import io.minyi.contracts.ReportResubmitted;
import io.minyi.contracts.ReportSignedOff;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.contracts.ReportWithdrawn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the statistics know of one report, folded from its events in any order and any number of
 * times: first times take the earliest ({@code min}), attributes that change (classification,
 * assignment, outcome) take the latest by occurrence, and the ids of the events already applied are
 * kept so a redelivered event changes nothing at all.
 */
public class ReportFact {

    public static final ZoneId ZONE = ChinaTime.ZONE;
    /** How many applied event ids are kept; a report has far fewer events. */
    static final int KEPT_EVENT_IDS = 200;

    String id;
    String org;
    List<String> eventIds = new ArrayList<>();
    Instant submittedAt;
    /** The current title (the latest edit or resubmission), for the 台账. */
    String title;
    Instant titleAt;
    String authorId;
    String authorName;
    List<String> coAuthors = new ArrayList<>();
    String channel;
    String station;
    Integer constituents;
    String topic;
    String sector;
    Instant classifiedAt;
    Instant signedOffAt;
    Boolean sameDay;
    Instant forwardedAt;
    Instant forwardedUpAt;
    int instructions;
    /** The levels of the leaders who instructed on it (批示领导级别), each once. */
    List<String> instructionLevels = new ArrayList<>();
    Instant assignedAt;
    String department;
    LocalDate deadline;
    Instant deadlineAt;
    Instant respondedAt;
    Instant answeredAt;
    /** 答复函文号 of the latest answer. */
    String letterNo;
    Instant reopenedAt;
    LocalDate overdueDeadline;
    /** 催办: how often the office urged the department, and when first. */
    int urges;
    Instant firstUrgedAt;
    Instant closedAt;
    Instant lastClosedAt;
    String outcome;
    Instant outcomeAt;
    String adoptionLevel;
    Instant withdrawnAt;
    Instant rejectedAt;
    Instant mergedAt;
    Map<String, String> ratings = new LinkedHashMap<>();
    /** 合并计分: the authors of the reports merged into this one, credited with what this one achieves. */
    List<Credit> credited = new ArrayList<>();

    /** The authors of one report merged into this one. */
    public record Credit(String report, String authorId, String authorName, List<String> coAuthors) {
    }

    public ReportFact() {
    }

    public static ReportFact of(String reportId, String org) {
        ReportFact fact = new ReportFact();
        fact.id = reportId;
        fact.org = org;
        return fact;
    }

    public String id() {
        return id;
    }

    public ReportFact copy() {
        ReportFact c = new ReportFact();
        c.id = id; c.org = org; c.eventIds = new ArrayList<>(eventIds); c.submittedAt = submittedAt;
        c.authorId = authorId; c.authorName = authorName; c.coAuthors = new ArrayList<>(coAuthors);
        c.channel = channel; c.station = station; c.constituents = constituents; c.topic = topic; c.sector = sector;
        c.classifiedAt = classifiedAt; c.signedOffAt = signedOffAt; c.sameDay = sameDay; c.forwardedAt = forwardedAt;
        c.forwardedUpAt = forwardedUpAt; c.instructions = instructions;
        c.instructionLevels = new ArrayList<>(instructionLevels); c.assignedAt = assignedAt;
        c.department = department; c.deadline = deadline; c.deadlineAt = deadlineAt; c.respondedAt = respondedAt;
        c.answeredAt = answeredAt; c.reopenedAt = reopenedAt; c.overdueDeadline = overdueDeadline;
        c.urges = urges; c.firstUrgedAt = firstUrgedAt;
        c.closedAt = closedAt; c.lastClosedAt = lastClosedAt; c.outcome = outcome; c.outcomeAt = outcomeAt; c.adoptionLevel = adoptionLevel;
        c.withdrawnAt = withdrawnAt; c.rejectedAt = rejectedAt; c.mergedAt = mergedAt;
        c.title = title; c.titleAt = titleAt; c.letterNo = letterNo;
        c.ratings = new LinkedHashMap<>(ratings);
        c.credited = new ArrayList<>(credited);
        return c;
    }

    /** Folds one event in; false (and nothing changed) when this event was applied before. */
    public boolean apply(ReportEvent event) {
        String eventId = event.eventId().toString();
        if (eventIds.contains(eventId)) {
            return false;
        }
        eventIds.add(eventId);
        if (eventIds.size() > KEPT_EVENT_IDS) {
            eventIds.remove(0);
        }
        Instant at = event.occurredAt();
        if (event instanceof ReportSubmitted s) {
            submitted(s);
        } else if (event instanceof ReportEdited e) {
            classified(at, e.topic(), e.sector());
            title(at, e.title());
        } else if (event instanceof ReportResubmitted r) {
            title(at, r.title());
        } else if (event instanceof ReportSignedOff s) {
            if (signedOffAt == null || at.isBefore(signedOffAt)) {
                signedOffAt = at;
                sameDay = s.sameDay();
            }
        } else if (event instanceof ReportForwarded f) {
            if (f.up()) {
                forwardedUpAt = min(forwardedUpAt, at);
            } else {
                forwardedAt = min(forwardedAt, at);
            }
        } else if (event instanceof ReportInstructed i) {
            instructions++;
            if (i.leaderLevel() != null && !instructionLevels.contains(i.leaderLevel().wireName())) {
                instructionLevels.add(i.leaderLevel().wireName());
            }
        } else if (event instanceof ReportAssigned a) {
            assignedAt = min(assignedAt, at);
            deadline(at, a.department(), a.deadline());
        } else if (event instanceof ExtensionDecided d) {
            deadline(at, department, d.deadline());
        } else if (event instanceof AssignmentDeadlineRecomputed d) {
            deadline(at, department, d.deadline());
        } else if (event instanceof AssignmentOverdue o) {
            overdueDeadline = o.deadline();
        } else if (event instanceof AssignmentUrged) {
            urges++;
            firstUrgedAt = min(firstUrgedAt, at);
        } else if (event instanceof ReportResponded r) {
            if (r.letterNo() != null && (answeredAt == null || !at.isBefore(answeredAt))) {
                letterNo = r.letterNo();
            }
            respondedAt = min(respondedAt, at);
            answeredAt = max(answeredAt, at);
        } else if (event instanceof ReplyReturned) {
            reopenedAt = max(reopenedAt, at);
        } else if (event instanceof ReopenDecided r && r.approved()) {
            reopenedAt = max(reopenedAt, at);
            deadline(at, r.department(), r.deadline());
        } else if (event instanceof ReportOutcomeDecided d) {
            outcome(at, d.outcome(), d.adoptionLevel());
        } else if (event instanceof ReportClosed c) {
            closedAt = min(closedAt, at);
            lastClosedAt = max(lastClosedAt, at);
            outcome(at, c.outcome(), null);
        } else if (event instanceof ReportRated r) {
            ratings.putIfAbsent(r.actor().id(), r.rating().wireName());
        } else if (event instanceof ReportWithdrawn) {
            withdrawnAt = min(withdrawnAt, at);
        } else if (event instanceof ReportRejected) {
            rejectedAt = min(rejectedAt, at);
        } else if (event instanceof ReportMerged) {
            mergedAt = min(mergedAt, at);
        } else if (event instanceof ReportCredited c
                && credited.stream().noneMatch(k -> k.report().equals(c.merged()))) {
            credited.add(new Credit(c.merged(), c.author().id(), c.author().name(), List.copyOf(c.coAuthors())));
        }
        // drafts, progress notes, bulletins, follow-ups: nothing the statistics count
        return true;
    }

    private void submitted(ReportSubmitted s) {
        submittedAt = min(submittedAt, s.occurredAt());
        authorId = s.actor().id();
        authorName = s.actor().name();
        coAuthors = new ArrayList<>(s.coAuthors());
        channel = s.channel();
        station = s.station();
        constituents = s.constituents();
        title(s.occurredAt(), s.title());
        if (classifiedAt == null) {
            topic = s.topic();
            sector = s.sector();
        }
    }

    private void title(Instant at, String newTitle) {
        if (newTitle != null && (titleAt == null || !at.isBefore(titleAt))) {
            titleAt = at;
            title = newTitle;
        }
    }

    /** What the 台账 prints of the report. */
    public FactView view() {
        return new FactView(id, org, title, authorName, List.copyOf(coAuthors), channel, station, topic, sector,
                submittedAt, signedOffAt, forwardedUpAt, instructions, assignedAt, department, deadline, respondedAt,
                letterNo, closedAt, outcome, adoptionLevel, List.copyOf(ratings.values()), status());
    }

    private void classified(Instant at, String newTopic, String newSector) {
        if (classifiedAt != null && at.isBefore(classifiedAt)) {
            return;
        }
        classifiedAt = at;
        if (newTopic != null) {
            topic = newTopic;
        }
        if (newSector != null) {
            sector = newSector;
        }
    }

    private void deadline(Instant at, String newDepartment, LocalDate newDeadline) {
        if (deadlineAt != null && at.isBefore(deadlineAt)) {
            return;
        }
        deadlineAt = at;
        if (newDepartment != null) {
            department = newDepartment;
        }
        if (newDeadline != null) {
            deadline = newDeadline;
        }
    }

    private void outcome(Instant at, Outcome newOutcome, AdoptionLevel level) {
        if (level != null && (adoptionLevel == null
                || AdoptionLevel.fromWireName(adoptionLevel).ordinal() < level.ordinal())) {
            adoptionLevel = level.wireName();
        }
        if (outcomeAt == null || !at.isBefore(outcomeAt)) {
            outcomeAt = at;
            outcome = newOutcome.name();
        }
    }

    /** The report's state now, as the statistics name it. */
    public String status() {
        if (withdrawnAt != null) {
            return "withdrawn";
        }
        if (rejectedAt != null) {
            return "rejected";
        }
        if (mergedAt != null) {
            return "merged";
        }
        if (lastClosedAt != null && (reopenedAt == null || lastClosedAt.isAfter(reopenedAt))) {
            return "closed";
        }
        if (answered()) {
            return "responded";
        }
        if (assignedAt != null) {
            return "assigned";
        }
        return signedOffAt != null ? "signed-off" : "submitted";
    }

    boolean answered() {
        return answeredAt != null && (reopenedAt == null || answeredAt.isAfter(reopenedAt));
    }

    /** The current assignment passed its deadline and waits for its answer. */
    /** Urged at least once, and answered after the first 催办. */
    boolean urged() {
        return urges > 0;
    }

    boolean answeredAfterUrge() {
        return firstUrgedAt != null && respondedAt != null && !respondedAt.isBefore(firstUrgedAt);
    }

    boolean overdueNow() {
        return overdueDeadline != null && overdueDeadline.equals(deadline) && !answered()
                && !"closed".equals(status()) && withdrawnAt == null;
    }

    /** The first answer came on or before the deadline (CST days). */
    boolean respondedOnTime() {
        return respondedAt != null && deadline != null && !LocalDate.ofInstant(respondedAt, ZONE).isAfter(deadline);
    }

    public LocalDate submittedDay() {
        return submittedAt == null ? null : LocalDate.ofInstant(submittedAt, ZONE);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
