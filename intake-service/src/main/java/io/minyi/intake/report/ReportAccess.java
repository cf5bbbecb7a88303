package io.minyi.intake.report;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.reference.ReferenceData;
import io.minyi.intake.report.domain.Report;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may see a report: its author, the officers of the liaison station it was filed through, and the
 * office (editor, leader, admin) of its body or of a body above it. Everyone else is told it does not
 * exist.
 */
@Component
public class ReportAccess {

    private final ReportStore store;
    private final ReferenceData reference;

    public ReportAccess(ReportStore store, ReferenceData reference) {
        this.store = store;
        this.reference = reference;
    }

    public Report readable(String id, Caller caller) {
        return store.find(id).filter(r -> mayRead(caller, r))
                .orElseThrow(() -> ApiProblem.notFound("社情民意信息", id));
    }

    public static boolean mayRead(Caller caller, Report report) {
        return isAuthor(caller, report) || isStationOfficer(caller, report)
                || caller.isOfficeOf(report.org());
    }

    /** Officers of a liaison station follow the reports filed through their station. */
    private static boolean isStationOfficer(Caller caller, Report report) {
        return caller.station() != null && caller.station().equals(report.details().station())
                && caller.hasRole(Roles.OFFICER);
    }

    /** The author, and editors of the report's body or above, may add attachments. */
    public static boolean mayAttach(Caller caller, Report report) {
        return isAuthor(caller, report) || (caller.sees(report.org()) && caller.hasRole(Roles.EDITOR));
    }

    /** Members and information officers write reports; returns the role the caller writes in. */
    public static String authorRole(Caller caller) {
        return caller.requireAnyRole(Roles.MEMBER, Roles.OFFICER);
    }

    /**
     * The body a report goes to: the author's own, which the request may name but not change, and which
     * must be a registered, active body.
     */
    public OrgPath submissionOrg(String requested, Caller caller) {
        if (!reference.isOrg(caller.org())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-org",
                    "您所属的政协组织（" + caller.org() + "）未在系统中登记或已停用，请联系管理员。",
                    "Your CPPCC body (" + caller.org() + ") is not registered or was retired; ask an administrator.");
        }
        if (requested == null || requested.isBlank()) {
            return caller.org();
        }
        if (!OrgPath.isValid(requested)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-org", "政协组织编码格式不正确：" + requested,
                    "Malformed org path: " + requested);
        }
        if (!caller.org().equals(OrgPath.of(requested))) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "foreign-org", "只能向本人所属的政协组织提交社情民意信息。",
                    "Reports are submitted to the author's own CPPCC body.");
        }
        return caller.org();
    }

    private static boolean isAuthor(Caller caller, Report report) {
        return report.author().id().equals(caller.id());
    }
}
