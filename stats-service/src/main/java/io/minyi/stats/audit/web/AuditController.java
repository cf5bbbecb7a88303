package io.minyi.stats.audit.web;

import io.minyi.contracts.audit.AuditEvent;
import io.minyi.stats.audit.store.AuditStore;
import io.minyi.support.audit.AuditLog;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The audit log for the auditor (审计员) and nobody else: entries filtered by time, action, person and
 * outcome, and a verification of the whole chain. There is no way to change or remove an entry; every
 * reading of the log is itself an entry.
 */
@RestController
class AuditController {

    private final AuditStore store;
    private final AuditLog audit;
    private final Clock clock;

    AuditController(AuditStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/audit")
    AuditStore.Page entries(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String action, @RequestParam(required = false) String actor,
                            @RequestParam(required = false) String outcome, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size, Caller caller) {
        caller.requireAnyRole(Roles.AUDITOR);
        if (page < 0 || size < 1 || size > 500) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-page", "页码须 ≥ 0，每页 1–500 条。",
                    "page must be ≥ 0 and size 1 to 500.");
        }
        Instant until = instant(to, "to", clock.instant().plusSeconds(1));
        Instant since = instant(from, "from", until.minus(Duration.ofDays(30)));
        audit.record(caller, AuditEvent.Actions.AUDIT_READ, "audit-log", AuditEvent.SUCCESS, null,
                Map.of("from", since.toString(), "to", until.toString(), "action", action == null ? "" : action));
        return store.page(since, until, blank(action), blank(actor), blank(outcome), page, size);
    }

    @GetMapping("/api/audit/verify")
    AuditStore.Verification verify(Caller caller) {
        caller.requireAnyRole(Roles.AUDITOR);
        AuditStore.Verification result = store.verify();
        audit.record(caller, AuditEvent.Actions.AUDIT_READ, "audit-log/verify", AuditEvent.SUCCESS, null,
                Map.of("intact", String.valueOf(result.intact()), "entries", String.valueOf(result.entries())));
        return result;
    }

    private static Instant instant(String value, String name, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-" + name, name + " 须为 ISO-8601 时间，如 2026-11-01T00:00:00Z。",
                    name + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z.");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
