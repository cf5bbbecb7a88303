package io.minyi.feedback.inbox;

import io.minyi.contracts.reference.ReferenceChanged;
import io.minyi.support.reference.ReferenceReplica;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Department accounts checked against the registry (from the reference events): the account's
 * {@code department} claim must name a registered, active department; and the names items show.
 */
@Component
public class DepartmentAccounts {

    private final ReferenceReplica replica;

    DepartmentAccounts(ReferenceReplica replica) {
        this.replica = replica;
    }

    /** The caller's department code; 403 when the account has none, or one the registry lacks or retired. */
    public String require(Caller caller) {
        caller.requireAnyRole(Roles.DEPARTMENT);
        String code = caller.department();
        if (code == null || code.isBlank()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "department-missing", "您的账号未关联承办单位，请联系管理员。",
                    "Your account is not linked to a department.");
        }
        ReferenceChanged d = replica.department(code).orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN,
                "unregistered-department", "您的账号关联的承办单位（" + code + "）不在承办单位名录中，请联系管理员。",
                "Your account's department (" + code + ") is not in the department registry.").with("department", code));
        if (!d.active()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "retired-department", "承办单位「" + d.name() + "」已停用，请联系管理员。",
                    "The department " + d.name() + " is retired.").with("department", code);
        }
        return code;
    }

    /** The department's full name (retired ones too); its code if the registry never had it. */
    public String name(String code) {
        return code == null ? null : replica.department(code).map(ReferenceChanged::name).orElse(code);
    }
}
