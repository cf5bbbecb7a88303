package io.minyi.support.audit;

import io.minyi.contracts.audit.AuditEvent;
import io.minyi.support.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every successful change made through an administration API (bodies and reference data, assignment
 * and scoring rules, a statistics rebuild: {@code minyi.audit.admin-paths}) becomes an
 * {@code admin.change} audit entry: who changed what, with which method.
 */
public final class AdminChangeAudit implements HandlerInterceptor {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    private final AuditLog audit;
    private final List<String> paths;

    public AdminChangeAudit(AuditLog audit, List<String> paths) {
        this.audit = audit;
        this.paths = List.copyOf(paths);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        String path = request.getRequestURI();
        if (ex != null || response.getStatus() >= 300 || !CHANGES.contains(request.getMethod())
                || paths.stream().noneMatch(p -> MATCHER.match(p, path))) {
            return;
        }
        Caller caller = Caller.currentForAudit().orElse(null);
        String query = request.getQueryString();
        audit.record(caller, AuditEvent.Actions.ADMIN_CHANGE, path, AuditEvent.SUCCESS, null,
                Map.of("method", request.getMethod(), "query", query == null ? "" : query));
    }
}
