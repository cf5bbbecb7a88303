package io.minyi.support.security;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in person behind a request, read from the Keycloak access token: subject, name,
 * realm roles, the CPPCC body ({@code org} claim), for department handlers the department and, for
 * information officers of a liaison station (联系点/委员工作站), the station.
 */
public record Caller(String id, String username, String name, Set<String> roles, OrgPath org, String department,
                     String station) {

    public static Caller from(Jwt jwt) {
        if (!OrgPath.isValid(jwt.getClaimAsString("org"))) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "org-missing",
                    "您的账号未配置所属政协组织，请联系管理员。", "Your account has no valid CPPCC body (org claim).");
        }
        return named(jwt);
    }

    /** The signed-in caller of the current request, if any; a token without a valid body is refused (403). */
    public static Optional<Caller> current() {
        return currentToken().map(Caller::from);
    }

    /**
     * Who the current request's token names, for the audit log: like {@link #current()}, but a token without
     * a valid body still names its subject and roles (its refusal is recorded, not turned into an error).
     */
    public static Optional<Caller> currentForAudit() {
        return currentToken().map(Caller::named);
    }

    private static Optional<Jwt> currentToken() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? Optional.of(token.getToken()) : Optional.empty();
    }

    private static Caller named(Jwt jwt) {
        String orgClaim = jwt.getClaimAsString("org");
        String name = jwt.getClaimAsString("name");
        String username = jwt.getClaimAsString("preferred_username");
        return new Caller(jwt.getSubject(), username, name != null ? name : username, realmRoles(jwt),
                OrgPath.isValid(orgClaim) ? OrgPath.of(orgClaim) : null, jwt.getClaimAsString("department"),
                jwt.getClaimAsString("station"));
    }

    public static Set<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return Set.of();
        }
        return roles.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The first of the given roles the caller holds; 403 when none. */
    public String requireAnyRole(String... anyOf) {
        for (String role : anyOf) {
            if (hasRole(role)) {
                return role;
            }
        }
        throw new ApiProblem(HttpStatus.FORBIDDEN, "role-required",
                "您没有执行此操作的权限（需要角色：" + String.join("、", List.of(anyOf)) + "）。",
                "This action needs one of the roles " + List.of(anyOf) + ".");
    }

    /** True when the report's body is the caller's body or below it. */
    public boolean sees(OrgPath reportOrg) {
        return org.covers(reportOrg);
    }

    /** True when the caller works in the CPPCC office (editor, leader, admin) of the report's body or a body above. */
    public boolean isOfficeOf(OrgPath reportOrg) {
        return sees(reportOrg) && (hasRole(Roles.EDITOR) || hasRole(Roles.LEADER) || hasRole(Roles.ADMIN));
    }

    /** The caller as the actor of an event, in the role they act in. */
    public Actor as(String role) {
        return new Actor(id, name, role);
    }
}
