package io.minyi.feedback.author;

import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.Rating;
import io.minyi.contracts.ReopenRequested;
import io.minyi.contracts.ReportRated;
import io.minyi.contracts.reference.ReferenceChanged;
import io.minyi.support.reference.ReferenceReplica;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.UUID;

/**
 * What the authors of a report see of its outcome, and what they can do about it: rate the answer
 * (each author once) and ask, once per report, to reopen it.
 */
@RestController
class AuthorController {

    private final Audiences audiences;
    private final Clock clock;
    private final ReferenceReplica replica;

    AuthorController(Audiences audiences, Clock clock, ReferenceReplica replica) {
        this.replica = replica;
        this.audiences = audiences;
        this.clock = clock;
    }

    record RatingRequest(@NotBlank(message = "{minyi.rating.required}")
                         @Pattern(regexp = "satisfied|basically-satisfied|not-satisfied",
                                 message = "{minyi.rating.unknown}") String rating,
                         @Size(max = 1000, message = "{minyi.reason.size}") String comment) {
    }

    record ReopenRequest(@NotBlank(message = "{minyi.reopen.reason.required}")
                         @Size(max = 2000, message = "{minyi.reason.size}") String reason) {
    }

    /** {@code departmentName}: the registry's name of the lead department (its code while unknown). */
    record FeedbackView(String reportId, String title, String status, String department, String departmentName,
                        String response,
                        String letterNo, String outcome, String adoptionLevel, String adoptionLevelLabel,
                        String evidence, String myRating, boolean mayRate, boolean mayAskReopen, String reopenReason,
                        Boolean reopenApproved) {
    }

    @GetMapping("/api/reports/{id}/feedback")
    FeedbackView get(@PathVariable String id, Caller caller) {
        Audience a = visible(id, caller);
        String mine = a.ratings().stream().filter(r -> r.byId().equals(caller.id())).map(Audience.Rated::rating)
                .findFirst().orElse(null);
        boolean author = a.isAuthor(caller.id(), caller.org(), caller.name());
        String departmentName = a.department() == null ? null
                : replica.department(a.department()).map(ReferenceChanged::name).orElse(a.department());
        return new FeedbackView(a.reportId(), a.title(), a.status(), a.department(), departmentName, a.response(),
                a.letterNo(), a.outcome(), a.adoptionLevel(), a.adoptionLevel() == null ? null
                : AdoptionLevel.fromWireName(a.adoptionLevel()).label(), a.evidence(), mine,
                author && a.closed() && mine == null, author && a.closed() && a.reopenReason() == null,
                a.reopenReason(), a.reopenApproved());
    }

    /** 评价: satisfied / basically satisfied / not satisfied, once per author, after the report was closed. */
    @PostMapping("/api/reports/{id}/rating")
    FeedbackView rate(@PathVariable String id, @Valid @RequestBody RatingRequest request, Caller caller) {
        Audience a = authors(id, caller);
        requireClosed(a);
        var event = new ReportRated(UUID.randomUUID(), clock.instant(), id, a.org(), caller.as(role(caller)),
                Rating.fromWireName(request.rating()), blankToNull(request.comment()));
        if (!audiences.rate(id, new Audience.Rated(caller.id(), caller.name(), request.rating(),
                event.comment()), event)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "already-rated", "您已评价过该信息的办理结果。",
                    "You rated this answer already.");
        }
        return get(id, caller);
    }

    /** 申请重新办理: once per report, with the reason; the office decides. */
    @PostMapping("/api/reports/{id}/reopen")
    FeedbackView reopen(@PathVariable String id, @Valid @RequestBody ReopenRequest request, Caller caller) {
        Audience a = authors(id, caller);
        requireClosed(a);
        var event = new ReopenRequested(UUID.randomUUID(), clock.instant(), id, a.org(), caller.as(role(caller)),
                request.reason().strip());
        if (!audiences.askReopen(id, event.reason(), event)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "reopen-asked", "该信息已申请过重新办理，每份信息只能申请一次。",
                    "Reopening was asked for already; it can be asked once per report.");
        }
        return get(id, caller);
    }

    private Audience visible(String id, Caller caller) {
        Audience a = audiences.find(id).orElseThrow(() -> ApiProblem.notFound("社情民意信息", id));
        if (!caller.isOfficeOf(a.org()) && !a.isAuthor(caller.id(), caller.org(), caller.name())) {
            throw ApiProblem.notFound("社情民意信息", id);
        }
        return a;
    }

    private Audience authors(String id, Caller caller) {
        Audience a = audiences.find(id).filter(x -> x.isAuthor(caller.id(), caller.org(), caller.name()))
                .orElseThrow(() -> ApiProblem.notFound("社情民意信息", id));
        caller.requireAnyRole(Roles.MEMBER, Roles.OFFICER);
        return a;
    }

    private static void requireClosed(Audience a) {
        if (!a.closed()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "not-closed", "信息办结后才能评价或申请重新办理。",
                    "Only a closed report can be rated or reopened.");
        }
    }

    private static String role(Caller caller) {
        return caller.hasRole(Roles.MEMBER) ? Roles.MEMBER : Roles.OFFICER;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
