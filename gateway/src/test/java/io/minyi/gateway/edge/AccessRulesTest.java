package io.minyi.gateway.edge;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRulesTest {

    private static Optional<String> check(String method, String path, String role, String org,
                                          Map<String, List<String>> query) {
        return AccessRules.check(method, path, List.of(role), org, query).map(AccessRules.Denial::code);
    }

    private static Optional<String> check(String method, String path, String role) {
        return check(method, path, role, "haikou/longhua", Map.of());
    }

    @Test
    void onlyAuditorsReadTheAuditLogAndNoAdministratorRevealsPersonalData() {
        assertThat(check("GET", "/api/audit", "auditor")).isEmpty();
        assertThat(check("GET", "/api/audit/verify", "admin")).contains("forbidden-role");
        assertThat(check("GET", "/api/audit", "security-admin")).contains("forbidden-role");
        assertThat(check("POST", "/api/reports/r1/personal-data", "editor")).isEmpty();
        assertThat(check("POST", "/api/reports/r1/personal-data", "department")).isEmpty();
        assertThat(check("POST", "/api/reports/r1/personal-data", "admin")).contains("forbidden-role");
        assertThat(check("POST", "/api/reports/r1/personal-data", "auditor")).contains("forbidden-role");
    }

    @Test
    void onlyTheSecurityAdministratorManagesPeoplesAccounts() {
        assertThat(check("GET", "/api/people", "security-admin")).isEmpty();
        assertThat(check("POST", "/api/people/import", "security-admin")).isEmpty();
        for (String role : List.of("admin", "auditor", "editor", "leader", "member", "department")) {
            assertThat(check("GET", "/api/people/export.xlsx", role)).as(role).contains("forbidden-role");
            assertThat(check("POST", "/api/people/wang/disable", role)).as(role).contains("forbidden-role");
        }
        assertThat(check("PUT", "/api/notifications/templates/assigned", "admin")).isEmpty();
        assertThat(check("PUT", "/api/notifications/templates/assigned", "editor")).contains("forbidden-role");
        assertThat(check("GET", "/api/notifications", "editor")).isEmpty();
        assertThat(check("PUT", "/api/deadline-rules", "admin")).isEmpty();
        assertThat(check("PUT", "/api/deadline-rules", "editor")).contains("forbidden-role");
        assertThat(check("GET", "/api/deadline-rules/applying", "editor")).isEmpty();
    }

    @Test
    void nobodyHoldsTwoOfTheThreeAdministrativeDuties() {
        for (var pair : List.of(List.of("admin", "auditor"), List.of("admin", "security-admin"), List.of("auditor", "security-admin"))) {
            assertThat(AccessRules.check("GET", "/api/reports", pair, "haikou", Map.of()).map(AccessRules.Denial::code))
                    .as(pair.toString()).contains("separation-of-duties");
        }
        assertThat(AccessRules.check("GET", "/api/reference", List.of("admin", "editor"), "haikou", Map.of())).isEmpty();
    }

    @Test
    void onlyDepartmentsOpenTheInbox() {
        assertThat(check("GET", "/api/inbox", "department")).isEmpty();
        assertThat(check("POST", "/api/inbox/r1/response", "department")).isEmpty();
        assertThat(check("GET", "/api/inbox", "editor")).contains("forbidden-role");
        assertThat(check("POST", "/api/inbox/r1/response", "member")).contains("forbidden-role");
    }

    @Test
    void membersAndOfficersWriteReportsAndDraftsTheOfficeDoesNot() {
        assertThat(check("POST", "/api/reports", "member")).isEmpty();
        assertThat(check("POST", "/api/drafts/d1/submission", "officer")).isEmpty();
        assertThat(check("POST", "/api/reports", "editor")).contains("forbidden-role");
        assertThat(check("GET", "/api/reports", "editor")).isEmpty();
        assertThat(check("GET", "/api/reports/r1", "department")).isEmpty();
    }

    @Test
    void officeQueuesStatsAndReferenceChangesNeedTheirRoles() {
        assertThat(check("GET", "/api/queues/editing", "editor")).isEmpty();
        assertThat(check("GET", "/api/queues/editing", "member")).contains("forbidden-role");
        assertThat(check("GET", "/api/stats/summary", "leader")).isEmpty();
        assertThat(check("GET", "/api/stats/summary", "department")).contains("forbidden-role");
        assertThat(check("GET", "/api/stats/members/me", "member")).isEmpty();
        assertThat(check("GET", "/api/stats/members/me", "editor")).contains("forbidden-role");
        assertThat(check("POST", "/api/stats/rebuild", "editor")).contains("forbidden-role");
        assertThat(check("GET", "/api/reference", "member")).isEmpty();
        assertThat(check("PUT", "/api/reference/topics/water", "editor")).contains("forbidden-role");
        assertThat(check("PUT", "/api/reference/topics/water", "admin")).isEmpty();
        assertThat(check("GET", "/api/assignment-rules", "leader")).isEmpty();
        assertThat(check("PUT", "/api/assignment-rules", "leader")).contains("forbidden-role");
    }

    @Test
    void aBodyInTheQueryMustBeTheCallersOwnOrBelowIt() {
        assertThat(check("GET", "/api/stats/summary", "editor", "haikou/longhua", Map.of("org", List.of("haikou/longhua"))))
                .isEmpty();
        assertThat(check("GET", "/api/stats/summary", "editor", "haikou/longhua",
                Map.of("org", List.of("haikou/longhua/jinyu")))).isEmpty();
        assertThat(check("GET", "/api/stats/summary", "editor", "haikou/longhua", Map.of("org", List.of("haikou"))))
                .contains("foreign-org");
        assertThat(check("GET", "/api/stats/summary", "editor", "haikou/longhua", Map.of("org", List.of("haikou/meilan"))))
                .contains("foreign-org");
        assertThat(check("GET", "/api/stats/summary", "editor", "haikou/longhua", Map.of("org", List.of("haikou/longhuaxi"))))
                .contains("foreign-org");
        assertThat(check("GET", "/api/reports", "editor", null, Map.of("org", List.of("haikou")))).contains("foreign-org");
    }

    @Test
    void aDepartmentFiltersItsInboxByAnyBody() {
        assertThat(check("GET", "/api/inbox", "department", "haikou/longhua", Map.of("body", List.of("haikou/meilan"))))
                .isEmpty();
        assertThat(check("GET", "/api/inbox", "department", "haikou/longhua", Map.of("org", List.of("haikou/meilan"))))
                .contains("foreign-org");
    }
}
