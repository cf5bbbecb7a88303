package io.minyi.routing.rules;

import io.minyi.contracts.OrgPath;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** Which body a rule is kept for: the caller's own (by default) or one below it, never a sibling's. */
public final class RuleScope {

    private RuleScope() {
    }

    /** The body {@code org} names, or the caller's when blank; 400 when malformed, 403 when outside the caller's subtree. */
    public static OrgPath ownOrBelow(String org, Caller caller, String whatZh, String whatEn) {
        if (org == null || org.isBlank()) {
            return caller.org();
        }
        if (!OrgPath.isValid(org)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-org", "政协组织编码格式不正确：" + org,
                    "Malformed org path: " + org);
        }
        OrgPath path = OrgPath.of(org);
        if (!caller.sees(path)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "foreign-org", "只能维护本级及下级政协组织的" + whatZh + "。",
                    "You keep the " + whatEn + " of your own body and the bodies below it only.");
        }
        return path;
    }
}
