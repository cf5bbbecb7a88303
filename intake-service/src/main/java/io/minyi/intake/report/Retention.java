package io.minyi.intake.report;

import io.minyi.contracts.ChinaTime;
import io.minyi.contracts.audit.AuditEvent;
import io.minyi.intake.report.domain.Report;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.support.audit.AuditLog;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * How long personal data is kept (PIPL art. 19, 47): a finished report's constituent and original wording
 * are erased {@code minyi.privacy.retention} after it was finished (default three years, the records'
 * filing period), keeping its masked text and every statistic. A constituent's request to delete their
 * data is carried out by the office at once. Each erasure is in the audit log.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final ReportStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration retention;

    public Retention(ReportStore store, AuditLog audit, Clock clock,
                     @Value("${minyi.privacy.retention:P1095D}") Duration retention) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${minyi.privacy.retention-cron:0 30 2 * * *}", zone = ChinaTime.ZONE_ID)
    @SchedulerLock(name = "retention", lockAtLeastFor = "PT5M", lockAtMostFor = "PT10M")
    void nightly() {
        eraseExpired();
    }

    /** Erases what is past its retention; returns how many reports. Runs nightly (and on demand in tests). */
    public int eraseExpired() {
        int erased = 0;
        var due = store.finishedWithPersonalData(clock.instant().minus(retention), 500);
        for (String id : due) {
            if (store.erasePersonalData(id, clock.instant())) {
                audit.record(null, AuditEvent.Actions.PERSONAL_DATA_ERASED, id, AuditEvent.SUCCESS, "retention",
                        Map.of("retention", retention.toString()));
                erased++;
            }
        }
        if (erased > 0) {
            log.info("Erased the personal data of {} reports finished more than {} ago", erased, retention);
        }
        return erased;
    }

    /** A constituent asked for their data to be deleted (PIPL art. 47): the office of the report's body erases it. */
    public void eraseOnRequest(String id, String reason, Caller caller) {
        Report report = store.find(id).orElseThrow(() -> ApiProblem.notFound("社情民意信息", id));
        if (!caller.isOfficeOf(report.org()) || !caller.hasRole(Roles.EDITOR)) {
            if (!ReportAccess.mayRead(caller, report)) {
                throw ApiProblem.notFound("社情民意信息", id);
            }
            throw new ApiProblem(HttpStatus.FORBIDDEN, "erase-forbidden", "只有本级或上级政协办公室的编辑可以删除群众个人信息。",
                    "Only an editor of the report's body or above may erase a constituent's data.");
        }
        PersonalDataAccess.requirePurpose(reason, "erase-reason-required", "请说明删除依据（如群众本人申请，2–200 字）。",
                "Say why (e.g. the constituent asked), 2–200 characters.");
        audit.recordOrRefuse(caller, AuditEvent.Actions.PERSONAL_DATA_ERASED, id, reason.strip(), Map.of("on", "request"));
        store.erasePersonalData(id, clock.instant());
    }
}
