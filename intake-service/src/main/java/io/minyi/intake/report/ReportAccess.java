package io.minyi.intake.report;

import io.minyi.intake.report.domain.Report;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * Who may see a report: its author, and the office (editor, leader, admin) of its body or of a body
 * above it. Everyone else is told it does not exist.
 */
@Component
public class ReportAccess {

    private final ReportStore store;

    public ReportAccess(ReportStore store) {
        this.store = store;
    }

    public Report readable(String id, Caller caller) {
        return store.find(id).filter(r -> mayRead(caller, r))
                .orElseThrow(() -> ApiProblem.notFound("社情民意信息", id));
    }

    public static boolean mayRead(Caller caller, Report report) {
        return isAuthor(caller, report) || (caller.sees(report.org()) && (caller.hasRole(Roles.EDITOR)
                || caller.hasRole(Roles.LEADER) || caller.hasRole(Roles.ADMIN)));
    }

    /** The author, and editors of the report's body or above, may add attachments. */
    public static boolean mayAttach(Caller caller, Report report) {
        return isAuthor(caller, report) || (caller.sees(report.org()) && caller.hasRole(Roles.EDITOR));
    }

    private static boolean isAuthor(Caller caller, Report report) {
        return report.author().id().equals(caller.id());
    }
}
