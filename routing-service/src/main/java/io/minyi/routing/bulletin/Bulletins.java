package io.minyi.routing.bulletin;

import io.minyi.contracts.ReportStatus;
import io.minyi.routing.bulletin.domain.Bulletin;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.support.outbox.PendingEvent;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Compiling and publishing a body's bulletin: its editors open an issue (the next number of the year)
 * and choose the reports it signed off; one of its leaders publishes it.
 */
@Service
public class Bulletins {

    /** Where a report stands once the body handling it has signed it off. */
    static final Set<ReportStatus> SIGNED_OFF_OR_LATER = EnumSet.of(ReportStatus.SIGNED_OFF, ReportStatus.FORWARDED,
            ReportStatus.INSTRUCTED, ReportStatus.ASSIGNED, ReportStatus.HANDLING, ReportStatus.BOUNCED,
            ReportStatus.RESPONDED, ReportStatus.ADOPTED, ReportStatus.NOT_ADOPTED, ReportStatus.CLOSED);
    static final int MAX_ITEMS = 50;

    private final BulletinStore store;
    private final CaseStore cases;
    private final Clock clock;

    Bulletins(BulletinStore store, CaseStore cases, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.clock = clock;
    }

    public Bulletin open(String office, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR);
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, ReportCase.ZONE).getYear();
        Bulletin draft = Bulletin.draft(caller.org(), office == null || office.isBlank() ? "政协办公室" : office.strip(),
                year, store.nextNumber(caller.org(), year), now);
        store.insert(draft);
        return draft;
    }

    public Bulletin get(String id, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        return store.find(id).filter(b -> caller.sees(b.org()))
                .orElseThrow(() -> ApiProblem.notFound("专报", id));
    }

    public List<Bulletin> list(Integer year, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        return store.list(caller.org(), year != null ? year : LocalDate.ofInstant(clock.instant(), ReportCase.ZONE).getYear());
    }

    /** Sets the reports of a draft issue, in order: each signed off by this body and in no other of its issues. */
    public Bulletin compose(String id, List<String> reportIds, Caller caller) {
        Bulletin current = own(id, caller, Roles.EDITOR);
        if (reportIds.size() > MAX_ITEMS) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "too-many-items", "一期专报最多收录 " + MAX_ITEMS + " 篇信息。",
                    "An issue holds at most " + MAX_ITEMS + " reports.");
        }
        List<Bulletin.Item> items = new ArrayList<>();
        for (String reportId : reportIds.stream().distinct().toList()) {
            items.add(item(reportId, current, caller));
        }
        return save(draft(current).withItems(items));
    }

    /** Sets the editing office and who the draft issue is sent and copied to (its 版记). */
    public Bulletin distribute(String id, String office, Bulletin.Distribution to, Caller caller) {
        return save(draft(own(id, caller, Roles.EDITOR)).withDistribution(office, to));
    }

    /** One report's result of {@link #add}: added, or why not. */
    public record Added(String reportId, ApiProblem problem) {
    }

    /**
     * Adds reports to the end of a draft issue, each on its own: those that cannot be added (not signed off
     * here, in another issue, not visible, the issue full) are named with their problem, the others are added
     * in one write; those in the issue already count as added.
     */
    public List<Added> add(String id, List<String> reportIds, Caller caller) {
        Bulletin current = draft(own(id, caller, Roles.EDITOR));
        List<Bulletin.Item> items = new ArrayList<>(current.items());
        List<Added> results = new ArrayList<>();
        for (String reportId : reportIds.stream().distinct().toList()) {
            if (items.stream().anyMatch(i -> i.reportId().equals(reportId))) {
                results.add(new Added(reportId, null));
            } else if (items.size() >= MAX_ITEMS) {
                results.add(new Added(reportId, new ApiProblem(HttpStatus.CONFLICT, "issue-full",
                        "本期专报已收录 " + MAX_ITEMS + " 篇信息，请新开一期。",
                        "The issue holds " + MAX_ITEMS + " reports already; open a new one.")));
            } else {
                try {
                    items.add(item(reportId, current, caller));
                    results.add(new Added(reportId, null));
                } catch (ApiProblem p) {
                    results.add(new Added(reportId, p));
                }
            }
        }
        save(current.withItems(items));
        return results;
    }

    /** A report as an item of the issue: signed off by the issue's body and in no other of its issues. */
    private Bulletin.Item item(String reportId, Bulletin issue, Caller caller) {
        ReportCase c = cases.find(reportId).filter(r -> caller.sees(r.org()))
                .orElseThrow(() -> ApiProblem.notFound("社情民意信息", reportId));
        if (!signedOffBy(c, issue)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "not-signed-off", "信息“" + c.title() + "”尚未经本级签发，不能编入专报。",
                    "Report " + reportId + " was not signed off by this body.");
        }
        store.issueContaining(issue.org(), reportId, issue.id()).ifPresent(other -> {
            throw new ApiProblem(HttpStatus.CONFLICT, "already-in-issue", "信息“" + c.title() + "”已编入另一期专报。",
                    "Report " + reportId + " is in issue " + other + " already.");
        });
        return new Bulletin.Item(c.id(), c.org(), c.content().title(), c.content().body(), byline(c));
    }

    private Bulletin save(Bulletin next) {
        if (!store.save(next, List.of())) {
            throw stale();
        }
        return next;
    }

    /** Everyone credited with a report: its author, co-authors and the authors of the reports merged into it. */
    private String byline(ReportCase c) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        names.add(c.author().name());
        names.addAll(c.coAuthors());
        for (var merged : cases.contributors(c.id())) {
            names.add(merged.author().name());
            names.addAll(merged.coAuthors());
        }
        return String.join("、", names);
    }

    public Bulletin publish(String id, Caller caller) {
        Bulletin current = own(id, caller, Roles.LEADER);
        Bulletin.Published published;
        try {
            published = current.publish(caller.as(Roles.LEADER), clock.instant());
        } catch (IllegalStateException e) {
            throw current.status() == Bulletin.Status.PUBLISHED ? publishedAlready()
                    : new ApiProblem(HttpStatus.CONFLICT, "empty-issue", "专报尚未收录任何信息，不能印发。",
                    "An empty issue cannot be published.");
        }
        if (!store.save(published.bulletin(), published.events().stream().map(PendingEvent::of).toList())) {
            throw stale();
        }
        return published.bulletin();
    }

    private Bulletin own(String id, Caller caller, String role) {
        caller.requireAnyRole(role);
        Bulletin b = store.find(id).filter(x -> caller.sees(x.org()))
                .orElseThrow(() -> ApiProblem.notFound("专报", id));
        if (!caller.org().equals(b.org())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "other-level", "只能编辑、印发本级的专报。",
                    "Only the body's own office compiles and publishes its bulletin.");
        }
        return b;
    }

    private static Bulletin draft(Bulletin b) {
        if (b.status() != Bulletin.Status.DRAFT) {
            throw publishedAlready();
        }
        return b;
    }

    private static boolean signedOffBy(ReportCase c, Bulletin b) {
        return (c.level().equals(b.org()) && SIGNED_OFF_OR_LATER.contains(c.status()))
                || c.trail().stream().anyMatch(t -> t.org().equals(b.org()));
    }

    private static ApiProblem publishedAlready() {
        return new ApiProblem(HttpStatus.CONFLICT, "published", "该期专报已印发，不能再修改。",
                "The issue is published already.");
    }

    private static ApiProblem stale() {
        return new ApiProblem(HttpStatus.CONFLICT, "stale-version", "该期专报已被他人修改，请刷新后重试。",
                "Someone else changed the issue; reload and try again.");
    }
}
