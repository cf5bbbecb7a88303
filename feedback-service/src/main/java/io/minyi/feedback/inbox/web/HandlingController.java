package io.minyi.feedback.inbox.web;

import io.minyi.contracts.Actor;
import io.minyi.contracts.FileRef;
import io.minyi.feedback.inbox.DepartmentAccounts;
import io.minyi.feedback.inbox.domain.InboxItem;
import io.minyi.feedback.inbox.store.InboxEntry;
import io.minyi.feedback.inbox.store.InboxQueries;
import io.minyi.feedback.inbox.store.InboxStore;
import io.minyi.feedback.inbox.store.ReplyFiles;
import io.minyi.support.files.Uploads;
import io.minyi.support.observability.ReportMdc;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What a department does with an item: accept it (办理), note progress, ask for more time, bounce it,
 * upload files, give its part (co-handlers) or the answer (the lead, merging the parts).
 */
@RestController
class HandlingController {

    static final int MAX_FILES_PER_ITEM = 10;
    private static final Logger log = LoggerFactory.getLogger(HandlingController.class);

    private final InboxStore inbox;
    private final InboxQueries queries;
    private final ReplyFiles files;
    private final Clock clock;
    private final DepartmentAccounts accounts;

    HandlingController(InboxStore inbox, InboxQueries queries, ReplyFiles files, Clock clock,
                       DepartmentAccounts accounts) {
        this.accounts = accounts;
        this.inbox = inbox;
        this.queries = queries;
        this.files = files;
        this.clock = clock;
    }

    record BounceRequest(@NotBlank(message = "{minyi.bounce.reason.required}")
                         @Size(max = 2000, message = "{minyi.reason.size}") String reason) {
    }

    record ExtensionRequest(@NotNull(message = "{minyi.extension.deadline.required}") LocalDate deadline,
                            @NotBlank(message = "{minyi.extension.reason.required}")
                            @Size(max = 2000, message = "{minyi.reason.size}") String reason) {
    }

    record ResponseRequest(@NotBlank(message = "{minyi.response.required}")
                           @Size(max = 10000, message = "{minyi.response.size}") String response,
                           @Size(max = 50, message = "{minyi.letter-no.size}") String letterNo,
                           @Size(max = 2000, message = "{minyi.promised.size}") String promisedActions) {
    }

    record TextRequest(@NotBlank(message = "{minyi.text.required}")
                       @Size(max = 5000, message = "{minyi.text.size}") String text) {
    }

    /** 办理: the department takes the item up (it can no longer bounce it then). */
    @PostMapping("/api/inbox/{reportId}/accept")
    ItemView accept(@PathVariable String reportId, Caller caller) {
        return act(reportId, caller, (item, handler) -> item.accept(handler, clock.instant()));
    }

    /** 答复: the lead's answer with its letter; the department's uploaded files and the co-handlers' parts go with it. */
    @PostMapping("/api/inbox/{reportId}/response")
    ItemView respond(@PathVariable String reportId, @Valid @RequestBody ResponseRequest request, Caller caller) {
        return actOn(reportId, caller, (entry, handler) -> {
            var reply = new InboxItem.Reply(request.response().strip(), blankToNull(request.letterNo()),
                    blankToNull(request.promisedActions()), files.of(reportId, entry.item().department()));
            return entry.item().respond(handler, reply, entry.parts(), clock.instant());
        });
    }

    /** 会办意见: a co-handling department's part, with its uploaded files, for the lead to merge. */
    @PostMapping("/api/inbox/{reportId}/part")
    ItemView part(@PathVariable String reportId, @Valid @RequestBody TextRequest request, Caller caller) {
        return act(reportId, caller, (item, handler) -> item.contribute(handler, request.text().strip(),
                files.of(reportId, item.department()), clock.instant()));
    }

    /** 办理进展: a progress note, by the lead or a co-handler. */
    @PostMapping("/api/inbox/{reportId}/notes")
    ItemView note(@PathVariable String reportId, @Valid @RequestBody TextRequest request, Caller caller) {
        return act(reportId, caller, (item, handler) -> item.note(handler, request.text().strip(), clock.instant()));
    }

    /** 退回/申请改派: not this department's matter; the office re-assigns it. */
    @PostMapping("/api/inbox/{reportId}/bounce")
    ItemView bounce(@PathVariable String reportId, @Valid @RequestBody BounceRequest request, Caller caller) {
        return act(reportId, caller, (item, handler) -> item.bounce(handler, request.reason().strip(), clock.instant()));
    }

    /** 申请延期: asks the office for a later deadline; reminders wait until it decides. */
    @PostMapping("/api/inbox/{reportId}/extension")
    ItemView extension(@PathVariable String reportId, @Valid @RequestBody ExtensionRequest request, Caller caller) {
        return act(reportId, caller, (item, handler) -> {
            try {
                return item.askForExtension(handler, request.deadline(), request.reason().strip(), clock.instant());
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "deadline-not-later", "申请的期限须晚于现有期限 "
                        + item.deadline() + "。", "The deadline asked for must be later than " + item.deadline() + ".");
            }
        });
    }

    /** A file for the answer or the part (答复函 scan, annexes), while the item is being handled. */
    @PostMapping(path = "/api/inbox/{reportId}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FileRef> upload(@PathVariable String reportId, @RequestParam("file") MultipartFile file,
                                   Caller caller) throws IOException {
        String department = accounts.require(caller);
        InboxItem item = queries.find(reportId, department).orElseThrow(() -> ApiProblem.notFound("交办件", reportId));
        if (item.state() != InboxItem.State.ASSIGNED && item.state() != InboxItem.State.HANDLING) {
            throw notOpen(item);
        }
        Uploads.Upload upload = Uploads.accept(file);
        if (files.of(reportId, department).size() >= MAX_FILES_PER_ITEM) {
            throw new ApiProblem(HttpStatus.CONFLICT, "too-many-attachments", "每件答复最多 " + MAX_FILES_PER_ITEM
                    + " 个附件。", "At most " + MAX_FILES_PER_ITEM + " files per answer.");
        }
        FileRef saved = files.save(reportId, department, upload, caller.id(), clock.instant());
        return ResponseEntity.created(URI.create("/api/reports/" + reportId + "/reply-files/" + saved.id()))
                .body(saved);
    }

    /** The files the department has uploaded for this item so far (before the answer carries them). */
    @GetMapping("/api/inbox/{reportId}/files")
    List<FileRef> uploaded(@PathVariable String reportId, Caller caller) {
        String department = accounts.require(caller);
        queries.find(reportId, department).orElseThrow(() -> ApiProblem.notFound("交办件", reportId));
        return files.of(reportId, department);
    }

    private ItemView act(String reportId, Caller caller, BiFunction<InboxItem, Actor, InboxItem.Step> step) {
        return actOn(reportId, caller, (entry, handler) -> step.apply(entry.item(), handler));
    }

    private ItemView actOn(String reportId, Caller caller, BiFunction<InboxEntry, Actor, InboxItem.Step> step) {
        String department = accounts.require(caller);
        InboxEntry entry = queries.entry(reportId, department).orElseThrow(() -> ApiProblem.notFound("交办件", reportId));
        InboxItem item = entry.item();
        InboxItem.Step next;
        try {
            next = step.apply(entry, caller.as(Roles.DEPARTMENT));
        } catch (InboxItem.NotTheLead e) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-lead", "会办单位不能答复、退回或申请延期，请由主办单位办理。",
                    "Only the lead department answers, bounces or asks for more time.");
        } catch (InboxItem.NotACoHandler e) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-co-handler", "主办单位请直接答复；会办意见由会办单位提交。",
                    "The lead department answers; parts come from co-handling departments.");
        } catch (IllegalStateException e) {
            throw notOpen(item);
        }
        if (!inbox.save(next, item)) {
            throw notOpen(item);
        }
        try (var mdc = ReportMdc.of(reportId)) {
            log.info("Department {}: {}", department, next.event().eventType());
        }
        return queries.entry(reportId, department).map(e -> ItemView.of(e, accounts::name)).orElseThrow();
    }

    private static ApiProblem notOpen(InboxItem item) {
        if (item.extensionAsked() != null
                && (item.state() == InboxItem.State.ASSIGNED || item.state() == InboxItem.State.HANDLING)) {
            return new ApiProblem(HttpStatus.CONFLICT, "extension-pending", "已有延期申请等待审批。",
                    "An extension request is waiting for the office already.");
        }
        return new ApiProblem(HttpStatus.CONFLICT, "already-handled", "该交办件当前为“" + item.state().label()
                + "”，不能再办理。", "This item is " + item.state().wireName() + " and cannot be handled again.");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
