package io.minyi.feedback.inbox.web;

import io.minyi.contracts.OrgPath;
import io.minyi.feedback.inbox.DepartmentAccounts;
import io.minyi.feedback.inbox.domain.InboxItem;
import io.minyi.feedback.inbox.store.InboxEntry;
import io.minyi.feedback.inbox.store.InboxQueries;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;

/**
 * A department's inbox, one across all bodies: a filtered page (with an ETag, so a system polling it
 * gets 304 when nothing changed), one item, and the change feed after a cursor.
 */
@RestController
class InboxController {

    static final int MAX_PAGE_SIZE = 100;
    private final InboxQueries queries;
    private final Clock clock;
    private final DepartmentAccounts accounts;

    InboxController(InboxQueries queries, Clock clock, DepartmentAccounts accounts) {
        this.accounts = accounts;
        this.queries = queries;
        this.clock = clock;
    }

    record PageView(List<ItemView> items, int page, int size, long total) {
    }

    record ChangesView(List<ItemView> items, long next) {
    }

    @GetMapping("/api/inbox")
    ResponseEntity<PageView> list(@RequestParam(required = false) String state,
                                  @RequestParam(required = false) String deadlineBy,
                                  @RequestParam(required = false) String body,
                                  @RequestParam(required = false) String topic,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                  @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                  Caller caller) {
        String department = accounts.require(caller);
        ApiProblem.requirePage(page, size, MAX_PAGE_SIZE);
        var filter = new InboxQueries.Filter(state(state), date(deadlineBy), body(body), topic);
        var result = queries.page(department, filter, page, size);
        PageView view = new PageView(result.entries().stream().map(e -> ItemView.of(e, accounts::name)).toList(), page,
                size, result.total());
        String etag = etag(department, filter, page, size, result, view);
        if (ifNoneMatch != null && List.of(ifNoneMatch.split("\\s*,\\s*")).contains(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).body(view);
    }

    /** What changed for the department after {@code after} (a previous {@code next}; 0 for everything). */
    @GetMapping("/api/inbox/changes")
    ChangesView changes(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit,
                        Caller caller) {
        String department = accounts.require(caller);
        if (after < 0 || limit < 1 || limit > 500) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-cursor", "游标须 ≥ 0，limit 为 1–500。",
                    "after must be ≥ 0 and limit 1–500.");
        }
        List<InboxEntry> changed = queries.changes(department, after, clock.instant().minus(InboxQueries.SETTLE), limit);
        long next = changed.isEmpty() ? after : changed.get(changed.size() - 1).seq();
        return new ChangesView(changed.stream().map(e -> ItemView.of(e, accounts::name)).toList(), next);
    }

    @GetMapping("/api/inbox/{reportId}")
    ItemView get(@PathVariable String reportId, Caller caller) {
        return queries.entry(reportId, accounts.require(caller)).map(e -> ItemView.of(e, accounts::name))
                .orElseThrow(() -> ApiProblem.notFound("交办件", reportId));
    }

    /** Changes with any item on the page, and with the registry's names shown on it (a rename alone). */
    private static String etag(String department, InboxQueries.Filter filter, int page, int size,
                               InboxQueries.Page result, PageView view) {
        StringBuilder key = new StringBuilder(department).append('|').append(filter).append('|').append(page)
                .append('|').append(size).append('|').append(result.total());
        result.entries().forEach(e -> key.append('|').append(e.item().id()).append('@').append(e.seq()));
        view.items().forEach(i -> key.append('|').append(i.departmentName()).append('/').append(i.leadName()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InboxItem.State state(String state) {
        try {
            return state == null ? null : InboxItem.State.fromWireName(state);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-state", "未知的办理状态：" + state,
                    "Unknown state: " + state);
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-date", "日期格式应为 YYYY-MM-DD：" + value,
                    "Dates are YYYY-MM-DD: " + value);
        }
    }

    private static OrgPath body(String value) {
        if (value == null) {
            return null;
        }
        if (!OrgPath.isValid(value)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-body", "政协组织编码不正确：" + value,
                    "Not a CPPCC body path: " + value);
        }
        return OrgPath.of(value);
    }
}
