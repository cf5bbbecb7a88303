package io.minyi.support.security;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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
        String orgClaim = jwt.getClaimAsString("org");
        if (!OrgPath.isValid(orgClaim)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "org-missing",
                    "您的账号未配置所属政协组织，请联系管理员。", "Your account has no valid CPPCC body (org claim).");
        }
        String name = jwt.getClaimAsString("name");
        String username = jwt.getClaimAsString("preferred_username");
        return new Caller(jwt.getSubject(), username, name != null ? name : username, realmRoles(jwt),
                OrgPath.of(orgClaim), jwt.getClaimAsString("department"), jwt.getClaimAsString("station"));
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
