package io.minyi.intake.draft;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportDraftDiscarded;
import io.minyi.contracts.ReportDraftSaved;
import io.minyi.intake.report.ReportAccess;
import io.minyi.privacy.PersonalDataScanner;
import io.minyi.intake.report.ReportIntake;
import io.minyi.intake.report.SubmissionCheck;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.intake.report.web.DetailsMapper;
import io.minyi.intake.report.web.SubmitReportRequest;
import io.minyi.support.outbox.PendingEvent;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.validation.BindException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Saving, editing, discarding and submitting drafts. Each save is checked against the revision the
 * author last saw, so two devices never overwrite each other silently; every change is an event.
 */
@Service
public class Drafts {

    /** Events carry no contact details: a draft's title is masked in its event. */
    private static final PersonalDataScanner SCANNER = new PersonalDataScanner();

    private final DraftStore store;
    private final ReportIntake intake;
    private final ReportStore reports;
    private final ReportAccess access;
    private final DetailsMapper detailsMapper;
    private final SubmissionCheck check;
    private final Clock clock;

    public Drafts(DraftStore store, ReportIntake intake, ReportStore reports, ReportAccess access,
                  DetailsMapper detailsMapper, SubmissionCheck check, Clock clock) {
        this.store = store;
        this.intake = intake;
        this.reports = reports;
        this.access = access;
        this.detailsMapper = detailsMapper;
        this.check = check;
        this.clock = clock;
    }

    public Draft create(SubmitReportRequest content, Caller caller) {
        String role = ReportAccess.authorRole(caller);
        OrgPath org = access.submissionOrg(content.org(), caller);
        Instant now = clock.instant();
        Draft draft = new Draft(UUID.randomUUID().toString(), org, caller.as(role), 1, now, now, Draft.State.OPEN,
                content);
        store.insert(draft, saved(draft, now));
        return draft;
    }

    public Draft update(String id, long expectedRevision, SubmitReportRequest content, Caller caller) {
        Draft current = openDraft(id, caller);
        access.submissionOrg(content.org(), caller);
        requireRevision(current, expectedRevision);
        Instant now = clock.instant();
        Draft next = new Draft(id, current.org(), current.author(), expectedRevision + 1, current.createdAt(), now,
                Draft.State.OPEN, content);
        return store.update(id, expectedRevision, content, now, saved(next, now))
                .orElseThrow(Drafts::staleRevision);
    }

    public void discard(String id, Long expectedRevision, Caller caller) {
        Draft current = openDraft(id, caller);
        if (expectedRevision != null) {
            requireRevision(current, expectedRevision);
        }
        Instant now = clock.instant();
        var event = new ReportDraftDiscarded(UUID.randomUUID(), now, id, current.org(), current.author());
        if (!store.end(id, Draft.State.DISCARDED, now, PendingEvent.of(event))) {
            throw staleRevision();
        }
    }

    /**
     * Submits the draft as a report with the same id, checked like any submission. Submitting again
     * (a retry after a lost answer) returns the report as a replay.
     */
    public ReportIntake.Accepted submit(String id, Long expectedRevision, Caller caller) throws BindException {
        Draft draft = mine(id, caller);
        if (draft.state() == Draft.State.SUBMITTED) {
            return new ReportIntake.Accepted(reports.find(id).orElseThrow(), true);
        }
        requireOpen(draft);
        if (expectedRevision != null) {
            requireRevision(draft, expectedRevision);
        }
        SubmitReportRequest content = draft.content();
        check.validate(content);
        String role = ReportAccess.authorRole(caller);
        OrgPath org = access.submissionOrg(draft.org().value(), caller);
        var accepted = intake.submit(id, org, caller.as(role), content.title(), content.body(),
                detailsMapper.details(content), detailsMapper.constituent(content));
        store.end(id, Draft.State.SUBMITTED, clock.instant(), null);
        return accepted;
    }

    public Draft get(String id, Caller caller) {
        return mine(id, caller);
    }

    public List<Draft> openDrafts(Caller caller, int page, int size) {
        return store.openDraftsOf(caller.id(), page, size);
    }

    /** Tombstones of ended drafts are kept a day, then removed once their events are out. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "draft-purge", lockAtLeastFor = "PT5M", lockAtMostFor = "PT10M")
    void purgeEnded() {
        store.purgeEnded(clock.instant(), Duration.ofDays(1));
    }

    private Draft mine(String id, Caller caller) {
        return store.find(id).filter(d -> d.author().id().equals(caller.id()))
                .filter(d -> d.state() != Draft.State.DISCARDED)
                .orElseThrow(() -> ApiProblem.notFound("草稿", id));
    }

    private Draft openDraft(String id, Caller caller) {
        Draft draft = mine(id, caller);
        requireOpen(draft);
        return draft;
    }

    private static void requireOpen(Draft draft) {
        if (draft.state() != Draft.State.OPEN) {
            throw new ApiProblem(HttpStatus.CONFLICT, "draft-submitted", "该草稿已提交，不能再修改。",
                    "This draft was submitted already and can no longer be changed.");
        }
    }

    private static void requireRevision(Draft draft, long expected) {
        if (draft.revision() != expected) {
            throw staleRevision();
        }
    }

    private static ApiProblem staleRevision() {
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-draft",
                "草稿已在别处保存过更新的版本，请刷新后再修改。",
                "The draft was saved elsewhere meanwhile; reload it before changing it.");
    }

    private static PendingEvent saved(Draft draft, Instant now) {
        return PendingEvent.of(new ReportDraftSaved(UUID.randomUUID(), now, draft.id(), draft.org(), draft.author(),
                draft.revision(), draft.content().title() == null ? null : SCANNER.mask(draft.content().title())));
    }
}
