package io.minyi.support.audit;

import io.minyi.contracts.audit.AuditEvent;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ProblemAdvice;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;

/** Every 403 a service answers becomes an {@code access.denied} audit entry: who, which path, which rule. */
public final class AuditedDenials implements ProblemAdvice.Denials {

    private final AuditLog audit;

    public AuditedDenials(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void denied(HttpServletRequest request, String code) {
        Caller caller = Caller.currentForAudit().orElse(null);
        audit.record(caller, AuditEvent.Actions.ACCESS_DENIED, request.getRequestURI(), AuditEvent.DENIED, code,
                Map.of("method", request.getMethod()));
    }
}
