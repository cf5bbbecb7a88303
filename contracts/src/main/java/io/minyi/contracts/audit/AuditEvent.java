package io.minyi.contracts.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One entry of the security audit log (安全审计, 等保 2.0): who did what to what, when, from where, and
 * whether it was allowed. Published by every service and the gateway on {@link #TOPIC}, stored
 * append-only by stats-service, read only by auditors. Carries no personal data of constituents:
 * subjects are ids, details are masked.
 *
 * @param action    stable logical name, see {@link Actions}
 * @param actorId   the Keycloak subject (or the username tried, for a failed sign-in)
 * @param actorRoles the caller's realm roles, comma-separated
 * @param org       the caller's body, if any
 * @param subject   what was acted on: a report id, an export, a user
 * @param outcome   {@code success} or {@code denied} (or {@code failure})
 * @param reason    the purpose the caller gave (reveals), or why it was denied
 * @param source    the service that recorded it
 * @param detail    further masked facts (fields revealed, export format, HTTP path)
 */
public record AuditEvent(UUID eventId, Instant occurredAt, String action, String actorId, String actorName,
                         String actorRoles, String org, String subject, String outcome, String reason,
                         String source, String requestId, String clientAddress, Map<String, String> detail) {

    public static final String TOPIC = "minyi.audit.v1";

    public AuditEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(detail)); // in name order on every JVM
    }

    /** CloudEvents {@code type} of the entry, as for report events: prefix, action, schema version. */
    @JsonIgnore
    public String cloudEventType() {
        return "io.minyi.audit." + action + ".v1";
    }

    /** The logical action names; new ones may be added, none renamed (JSON golden file). */
    public static final class Actions {
        public static final String SIGN_IN = "sign-in";
        public static final String SIGN_IN_FAILED = "sign-in.failed";
        public static final String SIGN_OUT = "sign-out";
        public static final String ACCESS_DENIED = "access.denied";
        public static final String PERSONAL_DATA_REVEALED = "personal-data.revealed";
        public static final String PERSONAL_DATA_ERASED = "personal-data.erased";
        public static final String EXPORT = "export";
        public static final String ADMIN_CHANGE = "admin.change";
        public static final String ROLE_CHANGE = "role.change";
        public static final String AUDIT_READ = "audit.read";
        /** One report's part in an action on many at once (批量操作): the action and the batch in the detail. */
        public static final String BULK_ACTION = "bulk-action";

        private Actions() {
        }
    }

    public static final String SUCCESS = "success";
    public static final String DENIED = "denied";
    public static final String FAILURE = "failure";
}
