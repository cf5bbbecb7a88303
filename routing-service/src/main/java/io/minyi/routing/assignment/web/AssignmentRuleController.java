package io.minyi.routing.assignment.web;

import io.minyi.contracts.OrgPath;
import io.minyi.routing.assignment.AssignmentRuleAdmin;
import io.minyi.routing.assignment.domain.AssignmentRule;
import io.minyi.support.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The rules by which the office assigns reports (topic × body → departments); editors and admins keep them. */
@RestController
class AssignmentRuleController {

    private static final String CODE = "[a-z0-9][a-z0-9-]{0,63}";

    private final AssignmentRuleAdmin admin;

    AssignmentRuleController(AssignmentRuleAdmin admin) {
        this.admin = admin;
    }

    record RuleRequest(
            String org,
            @NotBlank(message = "{minyi.rule.topic.required}")
            @Pattern(regexp = "\\*|" + CODE, message = "{minyi.rule.topic.syntax}") String topic,
            @NotBlank(message = "{minyi.rule.department.required}")
            @Pattern(regexp = CODE, message = "{minyi.rule.department.syntax}") String department,
            @Size(max = 10, message = "{minyi.rule.cohandlers.size}")
            List<@Pattern(regexp = CODE, message = "{minyi.rule.department.syntax}") String> coHandlers) {
    }

    record RuleView(String org, String topic, String department, List<String> coHandlers) {
        static RuleView of(AssignmentRule r) {
            return new RuleView(r.org().value(), r.topic(), r.department(), r.coHandlers());
        }
    }

    @GetMapping("/api/assignment-rules")
    List<RuleView> rules(Caller caller) {
        return admin.rules(caller).stream().map(RuleView::of).toList();
    }

    /** Adds or replaces the rule of a body ({@code org}, default the caller's) for a topic ({@code *}: any). */
    @PutMapping("/api/assignment-rules")
    RuleView save(@Valid @RequestBody RuleRequest r, Caller caller) {
        return RuleView.of(admin.save(r.org(), r.topic(), r.department(), r.coHandlers(), caller));
    }

    @DeleteMapping("/api/assignment-rules")
    ResponseEntity<Void> delete(@RequestParam(required = false) String org, @RequestParam String topic,
                                Caller caller) {
        admin.delete(org, topic, caller);
        return ResponseEntity.noContent().build();
    }

    /** Which rule would assign a report of a body and topic, to check the rules. */
    @GetMapping("/api/assignment-rules/applying")
    RuleView applying(@RequestParam String org, @RequestParam(required = false) String topic, Caller caller) {
        return RuleView.of(admin.applying(OrgPath.isValid(org) ? OrgPath.of(org) : null, topic, caller));
    }
}
