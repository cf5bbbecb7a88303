package io.minyi.routing.assignment;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.reference.ReferenceChanged;
import io.minyi.support.reference.ReferenceReplica;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The department registry as routing knows it (from the reference events): a report is assigned only
 * to registered, active departments of its body's lineage — the body itself, the bodies above it and
 * the bodies below it —, never to a typo or a sibling's department.
 */
@Component
public class Departments {

    private final ReferenceReplica replica;

    Departments(ReferenceReplica replica) {
        this.replica = replica;
    }

    /** The registry's full name of a department; its code while the registry does not know it. */
    public String name(String code) {
        return replica.department(code).map(ReferenceChanged::name).orElse(code);
    }

    /**
     * 400 naming the first of the lead and co-handlers that is unknown, retired or of a body outside the
     * lineage of {@code body}.
     */
    public void requireAssignable(String lead, Collection<String> coHandlers, OrgPath body) {
        List<String> codes = new ArrayList<>();
        codes.add(lead);
        codes.addAll(coHandlers);
        for (String code : codes) {
            ReferenceChanged d = replica.department(code).orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST,
                    "unknown-department", "承办单位未登记：" + code + "。请从承办单位名录中选择。",
                    "No such department in the registry: " + code + ".").with("department", code));
            if (!d.active()) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "retired-department", "承办单位「" + d.name() + "」已停用，不能再交办。",
                        "The department " + d.name() + " is retired and can no longer be assigned to.")
                        .with("department", code);
            }
            if (!body.onLineWith(OrgPath.of(d.org()))) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "foreign-department", "承办单位「" + d.name()
                        + "」不属于本级、上级或下级政协组织，不能交办。",
                        "The department " + d.name() + " belongs to no body above or below this one.")
                        .with("department", code);
            }
        }
    }
}
