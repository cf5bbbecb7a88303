package io.minyi.stats.summary.web;

import io.minyi.contracts.OrgPath;
import io.minyi.stats.summary.domain.Summary;
import io.minyi.stats.summary.store.ReportFacts;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SummaryController {

    private final ReportFacts facts;

    SummaryController(ReportFacts facts) {
        this.facts = facts;
    }

    /** Counts for {@code org} (default: the caller's body) and the bodies below it. */
    @GetMapping("/api/stats/summary")
    Summary summary(@RequestParam(required = false) String org, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        if (org != null && !OrgPath.isValid(org)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-org", "政协组织编码格式不正确：" + org,
                    "Malformed org path: " + org);
        }
        OrgPath target = org == null ? caller.org() : OrgPath.of(org);
        if (!caller.sees(target)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "foreign-org", "您无权查看其他政协组织的统计。",
                    "You may only see statistics of your own body and the bodies below it.");
        }
        return facts.summarize(target);
    }
}
