package io.minyi.gateway.edge;

import org.springframework.util.AntPathMatcher;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's coarse check, before a request reaches a service (which checks again, finely): which
 * roles may call which API at all, and that a body named in the query ({@code org}, and {@code body}
 * for everyone but departments, whose inbox spans every body) is the caller's own or one below it.
 * The first rule whose method and path match decides; paths no rule names are left to the services.
 */
public final class AccessRules {

    public record Denial(String code, String zh, String en) {
    }

    record Rule(Set<String> methods, List<String> paths, Set<String> roles) {
        boolean matches(String method, String path) {
            return (methods.isEmpty() || methods.contains(method)) && paths.stream().anyMatch(p -> MATCHER.match(p, path));
        }
    }

    private static final AntPathMatcher MATCHER = new AntPathMatcher();
    private static final Set<String> ANY = Set.of();
    private static final Set<String> OFFICE = Set.of("editor", "leader", "admin");
    private static final Set<String> AUTHORS = Set.of("member", "officer");

    private static final List<Rule> RULES = List.of(
            new Rule(ANY, List.of("/api/audit", "/api/audit/**"), Set.of("auditor")),
            new Rule(ANY, List.of("/api/people", "/api/people/**"), Set.of("security-admin")),
            new Rule(ANY, List.of("/api/notifications/templates", "/api/notifications/templates/**"), Set.of("admin")),
            // personal data: the author, the office and assigned departments, never the system administrator
            new Rule(ANY, List.of("/api/reports/*/personal-data"), Set.of("member", "officer", "editor", "leader", "department")),
            new Rule(ANY, List.of("/api/inbox", "/api/inbox/**"), Set.of("department")),
            new Rule(ANY, List.of("/api/worklist", "/api/queues", "/api/queues/**", "/api/supervision/**",
                    "/api/follow-ups", "/api/reopen-requests", "/api/reports/*/similar", "/api/reports/*/similar/*", "/api/bulletins",
                    "/api/bulletins/**", "/api/bulk", "/api/bulk/**"), OFFICE),
            new Rule(Set.of("POST"), List.of("/api/reports/*/follow-up", "/api/reports/*/follow-up/complete"),
                    Set.of("editor")),
            new Rule(Set.of("GET"), List.of("/api/assignment-rules", "/api/assignment-rules/**"), OFFICE),
            new Rule(ANY, List.of("/api/assignment-rules", "/api/assignment-rules/**"), Set.of("editor", "admin")),
            new Rule(Set.of("POST"), List.of("/api/reports"), AUTHORS),
            new Rule(ANY, List.of("/api/drafts", "/api/drafts/**"), AUTHORS),
            new Rule(Set.of("PUT", "DELETE", "POST", "PATCH"), List.of("/api/reference", "/api/reference/**"),
                    Set.of("admin")),
            // the security administrator names handlers' departments on the roster
            new Rule(Set.of("GET"), List.of("/api/departments", "/api/departments/*"),
                    Set.of("editor", "leader", "admin", "department", "security-admin")),
            new Rule(ANY, List.of("/api/departments", "/api/departments/**"), Set.of("admin")),
            new Rule(Set.of("PUT", "DELETE", "POST", "PATCH"), List.of("/api/calendar", "/api/calendar/**"),
                    Set.of("admin")),
            new Rule(Set.of("GET"), List.of("/api/deadline-rules", "/api/deadline-rules/**"), OFFICE),
            new Rule(ANY, List.of("/api/deadline-rules", "/api/deadline-rules/**"), Set.of("admin")),
            new Rule(ANY, List.of("/api/stats/rebuild"), Set.of("admin")),
            new Rule(ANY, List.of("/api/stats/members/me"), AUTHORS),
            new Rule(ANY, List.of("/api/stats/**"), OFFICE));

    private static final Denial ROLE = new Denial("forbidden-role", "您的角色无权进行此操作。",
            "Your role may not do this.");
    private static final Denial DUTIES = new Denial("separation-of-duties",
            "系统管理员、安全管理员与审计员须由不同的人担任（三员分立），您的账号同时具有其中两种角色，请联系安全管理员。",
            "The system administrator, security administrator and auditor roles must be held by different people; ask the security administrator.");
    private static final Denial FOREIGN_ORG = new Denial("foreign-org", "只能查看本级及下级政协组织的信息。",
            "You may only see your own body and the bodies below it.");

    private AccessRules() {
    }

    /**
     * @param roles the caller's realm roles
     * @param org   the caller's body (path such as {@code haikou/longhua}), null if none
     * @param query the query parameters
     */
    public static Optional<Denial> check(String method, String path, Collection<String> roles, String org,
                                         Map<String, List<String>> query) {
        if (roles.stream().filter(Set.of("admin", "security-admin", "auditor")::contains).distinct().count() > 1) {
            return Optional.of(DUTIES);
        }
        for (Rule rule : RULES) {
            if (rule.matches(method, path)) {
                if (rule.roles().stream().noneMatch(roles::contains)) {
                    return Optional.of(ROLE);
                }
                break;
            }
        }
        boolean department = roles.contains("department");
        for (String name : department ? List.of("org") : List.of("org", "body")) {
            for (String value : query.getOrDefault(name, List.of())) {
                if (value != null && !value.isEmpty() && !within(value, org)) {
                    return Optional.of(FOREIGN_ORG);
                }
            }
        }
        return Optional.empty();
    }

    static boolean within(String body, String org) {
        return org != null && !org.isEmpty() && (body.equals(org) || body.startsWith(org + "/"));
    }
}
