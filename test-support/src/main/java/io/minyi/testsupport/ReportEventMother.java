package io.minyi.testsupport;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportResponded;
import io.minyi.contracts.ReportSignedOff;
import io.minyi.contracts.ReportWithdrawn;
import io.minyi.contracts.ReportDraftSaved;
import io.minyi.contracts.ReportSubmitted;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Report events as the other services would publish them, for consumer tests. */
public final class ReportEventMother {

    public static final String DEPARTMENT = "haikou-housing";

    public static ReportSubmitted submitted(String reportId, String org) {
        return new ReportSubmitted(UUID.randomUUID(), Instant.now(), reportId, OrgPath.of(org),
                new Actor("u-member", "王委员", "member"), "老旧小区加装电梯进展缓慢", "多个老旧小区加装电梯审批慢。",
                "多个老旧小区加装电梯审批慢。建议简化审批流程。", "own-observation",
                "urban-construction", null, "normal", java.util.List.of());
    }

    /** The author took the report back (withdrawal is the author's, like {@link #submitted}'s actor). */
    public static ReportWithdrawn withdrawn(String reportId, String org) {
        return new ReportWithdrawn(UUID.randomUUID(), Instant.now(), reportId, OrgPath.of(org),
                new Actor("u-member", "王委员", "member"), "需补充材料");
    }

    public static ReportDraftSaved draftSaved(String reportId, String org) {
        return new ReportDraftSaved(UUID.randomUUID(), Instant.now(), reportId, OrgPath.of(org),
                new Actor("u-member", "王委员", "member"), 1, "草稿");
    }

    public static ReportSignedOff signedOff(String reportId, String org) {
        return new ReportSignedOff(UUID.randomUUID(), Instant.now(), reportId, OrgPath.of(org), editor(),
                "老旧小区加装电梯进展缓慢");
    }

    public static ReportAssigned assigned(String reportId, String org, String department) {
        return new ReportAssigned(UUID.randomUUID(), Instant.now(), reportId, OrgPath.of(org), editor(),
                department, LocalDate.now().plusDays(15), "老旧小区加装电梯进展缓慢", "多个老旧小区加装电梯审批慢。");
    }

    public static ReportResponded responded(String reportId, String org, String department) {
        return new ReportResponded(UUID.randomUUID(), Instant.now(), reportId, OrgPath.of(org),
                new Actor("u-dept", "住建局", "department"), department, "已出台加装电梯补贴办法。");
    }

    public static ReportClosed closed(String reportId, String org, Outcome outcome) {
        return new ReportClosed(UUID.randomUUID(), Instant.now(), reportId, OrgPath.of(org), editor(), outcome, null);
    }

    private static Actor editor() {
        return new Actor("u-editor", "李编辑", "editor");
    }

    private ReportEventMother() {
    }
}
