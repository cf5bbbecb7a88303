package io.minyi.intake.search.domain;

import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportEdited;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportInstructed;
import io.minyi.contracts.ReportResponded;
import io.minyi.contracts.ReportResubmitted;
import io.minyi.contracts.ReportStatus;
import io.minyi.contracts.ReportSubmitted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What search knows of one report, folded from its events in the order of its partition: the current
 * title and text (edits and resubmissions replace them), the departments' answers and the leaders'
 * instructions (appended), the state and classification. The ids of applied events are kept, so a
 * redelivered event changes nothing. A mutable value object; no framework types.
 */
public final class SearchableReport {

    public String id;
    public String org;
    public String authorId;
    public String authorName;
    public String station;
    public String title;
    public String summary;
    public String body;
    public List<String> answers = new ArrayList<>();
    public List<String> instructions = new ArrayList<>();
    public String status;
    public String topic;
    public String sector;
    public String channel;
    public String urgency;
    public Set<String> departments = new LinkedHashSet<>();
    public Instant submittedAt;
    public Instant updatedAt;
    public Set<String> eventIds = new LinkedHashSet<>();

    public static SearchableReport of(String id, String org) {
        SearchableReport r = new SearchableReport();
        r.id = id;
        r.org = org;
        return r;
    }

    /** Whether the report was submitted (a draft's events alone make nothing searchable). */
    public boolean searchable() {
        return submittedAt != null && title != null;
    }

    /** Folds an event in; false when it was applied before or changes nothing search keeps. */
    public boolean apply(ReportEvent event) {
        if (!eventIds.add(event.eventId().toString())) {
            return false;
        }
        boolean changed = true;
        if (event instanceof ReportSubmitted s) {
            authorId = s.actor().id();
            authorName = s.actor().name();
            station = s.station();
            title = s.title();
            summary = s.summary();
            body = s.body();
            channel = s.channel();
            topic = topic == null ? s.topic() : topic;
            sector = sector == null ? s.sector() : sector;
            urgency = urgency == null ? s.urgency() : urgency;
            submittedAt = s.occurredAt();
        } else if (event instanceof ReportEdited e) {
            title = e.title() != null ? e.title() : title;
            body = e.body() != null ? e.body() : body;
            topic = e.topic() != null ? e.topic() : topic;
            sector = e.sector() != null ? e.sector() : sector;
            urgency = e.urgency() != null ? e.urgency() : urgency;
        } else if (event instanceof ReportResubmitted r) {
            title = r.title();
            body = r.body();
        } else if (event instanceof ReportResponded r) {
            if (r.response() != null && !r.response().isBlank()) {
                answers.add(r.response());
            }
        } else if (event instanceof ReportInstructed i) {
            instructions.add(i.text());
        } else if (event instanceof ReportAssigned a) {
            departments.add(a.department());
            departments.addAll(a.coHandlers());
        } else {
            changed = false;
        }
        var next = ReportStatus.after(event);
        if (next.isPresent()) {
            status = next.get().wireName();
            changed = true;
        }
        if (changed) {
            updatedAt = event.occurredAt();
        }
        return changed;
    }
}
