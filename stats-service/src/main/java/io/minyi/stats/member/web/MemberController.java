package io.minyi.stats.member.web;

import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.OrgPath;
import io.minyi.stats.figures.web.Scope;
import io.minyi.stats.member.MemberRecords;
import io.minyi.stats.member.domain.MemberRecord;
import io.minyi.stats.member.domain.ScoringRule;
import io.minyi.stats.member.store.ScoringRules;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
class MemberController {

    private final MemberRecords records;
    private final ScoringRules rules;
    private final Scope scope;

    MemberController(MemberRecords records, ScoringRules rules, Scope scope) {
        this.records = records;
        this.rules = rules;
        this.scope = scope;
    }

    /** The caller's own record (members and information officers) at their body. */
    @GetMapping("/api/stats/members/me")
    MemberRecord mine(@RequestParam(required = false) Integer year, Caller caller) {
        caller.requireAnyRole(Roles.MEMBER, Roles.OFFICER);
        return records.of(caller.org(), scope.year(year), caller.id(), caller.name());
    }

    /** The office's view of its members' records: everyone with reports received at the body or below. */
    @GetMapping("/api/stats/members")
    List<MemberRecord> members(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
                               Caller caller) {
        return records.all(scope.office(caller, org), scope.year(year));
    }

    @GetMapping("/api/stats/members/{memberId}")
    MemberRecord member(@PathVariable String memberId, @RequestParam(required = false) String org,
                        @RequestParam(required = false) Integer year, Caller caller) {
        OrgPath body = scope.office(caller, org);
        MemberRecord r = records.of(body, scope.year(year), memberId, null);
        if (r.name() == null) {
            throw ApiProblem.notFound("委员履职记录", memberId);
        }
        return r;
    }

    @GetMapping("/api/stats/scoring")
    ScoringRule scoring(@RequestParam(required = false) String org, Caller caller) {
        return rules.applying(scope.within(caller, org));
    }

    /** Sets the body's own rule (editors and admins of the body or above). */
    @PutMapping("/api/stats/scoring")
    ScoringRule setScoring(@RequestParam(required = false) String org, @Valid @RequestBody RuleRequest request,
                           Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.ADMIN);
        OrgPath body = scope.within(caller, org);
        ScoringRule rule;
        try {
            rule = new ScoringRule(body.value(), request.submitted(), request.coAuthored(), request.signedOff(),
                    request.instructed(), request.adoption(), request.coAuthorShare());
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-rule",
                    "积分规则不正确：分值须在 0–1000 之间，采纳级别须为 " + levels() + "。",
                    "Points must be 0–1000 and adoption levels one of " + levels() + ".");
        }
        rules.save(rule);
        return rule;
    }

    @DeleteMapping("/api/stats/scoring")
    ScoringRule resetScoring(@RequestParam(required = false) String org, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.ADMIN);
        OrgPath body = scope.within(caller, org);
        if (!rules.delete(body.value())) {
            throw ApiProblem.notFound("积分规则", body.value());
        }
        return rules.applying(body);
    }

    private static String levels() {
        return String.join("、", java.util.Arrays.stream(AdoptionLevel.values()).map(AdoptionLevel::wireName).toList());
    }

    record RuleRequest(@NotNull(message = "{minyi.points.required}") @DecimalMin(value = "0", message = "{minyi.points.range}") @DecimalMax(value = "1000", message = "{minyi.points.range}") Double submitted,
                       @NotNull(message = "{minyi.points.required}") @DecimalMin(value = "0", message = "{minyi.points.range}") @DecimalMax(value = "1000", message = "{minyi.points.range}") Double coAuthored,
                       @NotNull(message = "{minyi.points.required}") @DecimalMin(value = "0", message = "{minyi.points.range}") @DecimalMax(value = "1000", message = "{minyi.points.range}") Double signedOff,
                       @NotNull(message = "{minyi.points.required}") @DecimalMin(value = "0", message = "{minyi.points.range}") @DecimalMax(value = "1000", message = "{minyi.points.range}") Double instructed,
                       @NotNull(message = "{minyi.points.required}") Map<String, Double> adoption,
                       @NotNull(message = "{minyi.points.required}") @DecimalMin(value = "0", message = "{minyi.points.range}") @DecimalMax(value = "1", message = "{minyi.points.range}") Double coAuthorShare) {
    }
}
