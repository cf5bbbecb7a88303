package io.minyi.intake.report;

import io.minyi.intake.report.domain.Constituent;
import io.minyi.intake.report.domain.PersonalData;
import io.minyi.intake.report.domain.Report;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.contracts.audit.AuditEvent;
import io.minyi.privacy.PersonalDataScanner;
import io.minyi.privacy.PersonalKind;
import io.minyi.support.audit.AuditLog;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Revealing a report's personal data, a separate action from reading the report: the author and the
 * office (editor, leader) of the report's body or above see all of it; a department the report is assigned
 * to sees the constituent's name and phone numbers, to contact them; nobody else (not the system
 * administrator: 三员分立). Every reveal names its purpose and is in the audit log before anything is
 * shown; without the audit log, nothing is shown.
 */
@Service
public class PersonalDataAccess {

    private final ReportStore store;
    private final AuditLog audit;
    private final PersonalDataScanner scanner;

    public PersonalDataAccess(ReportStore store, AuditLog audit, PersonalDataScanner scanner) {
        this.store = store;
        this.audit = audit;
        this.scanner = scanner;
    }

    /** What a caller was shown: the constituent, the original wording of masked fields, and the scope. */
    public record Revealed(Constituent constituent, Map<String, String> originals, List<String> phonesInText,
                           String scope) {
    }

    public Revealed reveal(String id, String reason, Caller caller) {
        requirePurpose(reason, "reveal-reason-required", "查看个人信息须说明用途（2–200 字），该说明将记入审计日志。",
                "Say why you need the personal data (2–200 characters); it goes into the audit log.");
        Report report = store.find(id).orElseThrow(() -> ApiProblem.notFound("社情民意信息", id));
        boolean full = report.author().id().equals(caller.id())
                || (caller.isOfficeOf(report.org()) && (caller.hasRole(Roles.EDITOR) || caller.hasRole(Roles.LEADER)));
        boolean contact = !full && caller.hasRole(Roles.DEPARTMENT) && caller.department() != null
                && store.departments(id).contains(caller.department());
        if (!full && !contact) {
            if (!ReportAccess.mayRead(caller, report)) {
                throw ApiProblem.notFound("社情民意信息", id);
            }
            throw new ApiProblem(HttpStatus.FORBIDDEN, "personal-data-forbidden",
                    "您的角色不能查看群众个人信息。", "Your role may not see constituents' personal data.");
        }
        PersonalData data = store.personalData(id).orElse(PersonalData.NONE);
        Revealed revealed = full
                ? new Revealed(data.constituent(), data.originals(), List.of(), "full")
                : new Revealed(data.constituent().contactOnly(), Map.of(), phonesIn(data), "contact");
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("scope", revealed.scope());
        detail.put("kinds", String.join(",", data.kinds().stream().map(PersonalKind::wireName).sorted().toList()));
        audit.recordOrRefuse(caller, AuditEvent.Actions.PERSONAL_DATA_REVEALED, id, reason.strip(), detail);
        return revealed;
    }

    /** Every action on personal data names its purpose, 2 to 200 characters, for the audit log. */
    static void requirePurpose(String reason, String code, String zh, String en) {
        if (reason == null || reason.strip().length() < 2 || reason.length() > 200) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, code, zh, en);
        }
    }

    private List<String> phonesIn(PersonalData data) {
        return data.originals().values().stream().flatMap(t -> scanner.find(t).stream())
                .filter(f -> f.kind() == PersonalKind.PHONE).map(PersonalDataScanner.Found::value).distinct().toList();
    }
}
