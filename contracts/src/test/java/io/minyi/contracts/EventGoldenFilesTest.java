package io.minyi.contracts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the wire format of every event type: a change that breaks a golden file breaks consumers.
 */
class EventGoldenFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-11-24T02:30:00Z");
    private static final OrgPath ORG = OrgPath.of("haikou/longhua");
    private static final String REPORT = "r-0b9d2c64";

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("report.submitted.v1.json", new ReportSubmitted(id(1), AT, REPORT, ORG,
                        new Actor("u-member", "王委员", "member"), "老旧小区加装电梯进展缓慢", "龙华区多个老旧小区…",
                        "龙华区多个老旧小区加装电梯审批慢。", "visit", "urban-construction", "non-party", "urgent",
                        java.util.List.of("李委员"), "haikou-longhua-01", 12)),
                Arguments.of("report.signed-off.v1.json", new ReportSignedOff(id(2), AT, REPORT, ORG,
                        new Actor("u-leader", "张主任", "leader"), "老旧小区加装电梯进展缓慢",
                        Instant.parse("2026-11-23T09:10:00Z"), false, 1)),
                Arguments.of("report.assigned.v1.json", new ReportAssigned(id(3), AT, REPORT, ORG,
                        new Actor("u-editor", "李编辑", "editor"), "haikou-housing", LocalDate.of(2026, 12, 15),
                        "老旧小区加装电梯进展缓慢", "正文", java.util.List.of("haikou-planning"), "urban-construction", "urgent")),
                Arguments.of("report.responded.v1.json", new ReportResponded(id(4), AT, REPORT, ORG,
                        new Actor("u-dept", "住建局办理人", "department"), "haikou-housing", "已制定加装电梯补贴办法。",
                        "海住建函〔2026〕88号", "2027年3月底前出台补贴细则", java.util.List.of(new ReplyPart(
                        "haikou-planning", "规划审批已并联办理。", java.util.List.of())), java.util.List.of(LETTER))),
                Arguments.of("report.closed.v1.json", new ReportClosed(id(5), AT, REPORT, ORG,
                        new Actor("u-editor", "李编辑", "editor"), Outcome.ADOPTED, "被市政府采纳")),
                Arguments.of("report.draft-saved.v1.json", new ReportDraftSaved(id(6), AT, REPORT, ORG,
                        new Actor("u-member", "王委员", "member"), 2, "老旧小区加装电梯进展缓慢")),
                Arguments.of("report.draft-discarded.v1.json", new ReportDraftDiscarded(id(7), AT, REPORT, ORG,
                        new Actor("u-member", "王委员", "member"))),
                Arguments.of("report.withdrawn.v1.json", new ReportWithdrawn(id(8), AT, REPORT, ORG,
                        new Actor("u-member", "王委员", "member"), "补充材料后重新提交")),
                Arguments.of("report.editing-started.v1.json", new ReportEditingStarted(id(9), AT, REPORT, ORG, EDITOR)),
                Arguments.of("report.edited.v1.json", new ReportEdited(id(10), AT, REPORT, ORG, EDITOR, 2,
                        "关于加快老旧小区加装电梯审批的建议", "正文（编辑后）", "urban-construction", "non-party", "urgent",
                        "压缩篇幅，补充数据")),
                Arguments.of("report.returned.v1.json", new ReportReturned(id(11), AT, REPORT, ORG, EDITOR,
                        "请补充涉及小区数量")),
                Arguments.of("report.resubmitted.v1.json", new ReportResubmitted(id(12), AT, REPORT, ORG,
                        new Actor("u-member", "王委员", "member"), 3, "老旧小区加装电梯进展缓慢", "补充后的正文")),
                Arguments.of("report.rejected.v1.json", new ReportRejected(id(13), AT, REPORT, ORG, EDITOR,
                        "反映的问题已于上月解决")),
                Arguments.of("report.merged.v1.json", new ReportMerged(id(14), AT, REPORT, ORG, EDITOR, "r-5e1f0a77",
                        new Actor("u-member", "王委员", "member"), java.util.List.of("李委员"))),
                Arguments.of("report.outcome-decided.v1.json", new ReportOutcomeDecided(id(15), AT, REPORT, ORG,
                        EDITOR, Outcome.ADOPTED, "市政府采纳", ORG, AdoptionLevel.CITY, "市政府办公厅〔2026〕12号批复")),
                Arguments.of("assignment.due-soon.v1.json", new AssignmentDueSoon(id(16), AT, REPORT, ORG, Actor.SYSTEM,
                        "haikou-housing", LocalDate.of(2026, 12, 15), 2)),
                Arguments.of("assignment.overdue.v1.json", new AssignmentOverdue(id(17), AT, REPORT, ORG, Actor.SYSTEM,
                        "haikou-housing", LocalDate.of(2026, 12, 15))),
                Arguments.of("report.forwarded.v1.json", new ReportForwarded(id(18), AT, REPORT, ORG, EDITOR,
                        ORG, OrgPath.of("haikou"))),
                Arguments.of("report.instructed.v1.json", new ReportInstructed(id(19), AT, REPORT, ORG, EDITOR,
                        "副市长", "请市住建局牵头研究，简化审批流程。", true, "陈志强", LeaderLevel.CITY,
                        LocalDate.of(2026, 11, 23), true, new FileRef("f-3a9c", "批示件.pdf", "application/pdf", 182344,
                        "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"))),
                Arguments.of("report.in-bulletin.v1.json", new ReportInBulletin(id(20), AT, REPORT, ORG,
                        new Actor("u-leader", "张主任", "leader"), OrgPath.of("haikou"), 2026, 12,
                        "社情民意信息专报 2026年第12期")),
                Arguments.of("assignment.bounced.v1.json", new AssignmentBounced(id(21), AT, REPORT, ORG, HANDLER,
                        "haikou-housing", "属于规划部门职责")),
                Arguments.of("assignment.extension-requested.v1.json", new ExtensionRequested(id(22), AT, REPORT, ORG,
                        HANDLER, "haikou-housing", LocalDate.of(2026, 12, 31), "需会同三个区调研")),
                Arguments.of("assignment.extension-decided.v1.json", new ExtensionDecided(id(23), AT, REPORT, ORG,
                        EDITOR, "haikou-housing", true, LocalDate.of(2026, 12, 31), "同意延期")),
                Arguments.of("assignment.accepted.v1.json", new AssignmentAccepted(id(24), AT, REPORT, ORG, HANDLER,
                        "haikou-housing")),
                Arguments.of("report.reply-returned.v1.json", new ReplyReturned(id(25), AT, REPORT, ORG, EDITOR,
                        "haikou-housing", "答复未说明具体措施和时限")),
                Arguments.of("assignment.progress-noted.v1.json", new AssignmentProgressNoted(id(26), AT, REPORT, ORG,
                        HANDLER, "haikou-housing", "已完成三个小区的现场调研")),
                Arguments.of("assignment.part-submitted.v1.json", new AssignmentPartSubmitted(id(27), AT, REPORT, ORG,
                        HANDLER, "haikou-planning", "haikou-housing", "规划审批已并联办理。", java.util.List.of(LETTER))),
                Arguments.of("report.rated.v1.json", new ReportRated(id(28), AT, REPORT, ORG,
                        new Actor("u-member", "王委员", "member"), Rating.BASICALLY_SATISFIED, "措施可行，进度偏慢")),
                Arguments.of("report.reopen-requested.v1.json", new ReopenRequested(id(29), AT, REPORT, ORG,
                        new Actor("u-member", "王委员", "member"), "承诺的补贴至今未发放")),
                Arguments.of("report.reopen-decided.v1.json", new ReopenDecided(id(30), AT, REPORT, ORG, EDITOR, true,
                        "请住建局说明补贴发放时间", "haikou-housing", LocalDate.of(2027, 1, 15))),
                Arguments.of("report.follow-up-scheduled.v1.json", new FollowUpScheduled(id(31), AT, REPORT, ORG,
                        EDITOR, LocalDate.of(2027, 6, 1), "核实补贴细则是否出台")),
                Arguments.of("report.follow-up-completed.v1.json", new FollowUpCompleted(id(32), AT, REPORT, ORG,
                        EDITOR, "补贴细则已于2027年3月出台，已有12个小区申请")),
                Arguments.of("assignment.deadline-recomputed.v1.json", new AssignmentDeadlineRecomputed(id(33), AT,
                        REPORT, ORG, Actor.SYSTEM, "haikou-housing", LocalDate.of(2027, 1, 29),
                        LocalDate.of(2027, 2, 5), 2027)),
                Arguments.of("assignment.urged.v1.json", new AssignmentUrged(id(34), AT, REPORT, ORG, EDITOR,
                        "haikou-housing", LocalDate.of(2026, 12, 9), "已逾期三天，请于本周内答复")),
                Arguments.of("assignment.escalated.v1.json", new AssignmentEscalated(id(35), AT, REPORT, ORG, Actor.SYSTEM,
                        "haikou-housing", LocalDate.of(2026, 12, 9), 3)),
                Arguments.of("report.credited.v1.json", new ReportCredited(id(36), AT, REPORT, ORG, EDITOR, "r-5e1f0a77",
                        new Actor("u-member", "王委员", "member"), java.util.List.of("李委员"))));
    }

    static final FileRef LETTER = new FileRef("f-7d1e", "答复函.pdf", "application/pdf", 48213,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    /** Events written before fields were added in schema 1 still decode, the new fields empty. */
    @org.junit.jupiter.api.Test
    void decodesEventsWrittenBeforeFieldsWereAdded() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/legacy/report.responded.v1.json")) {
            assertThat(EventCodec.fromJson(in.readAllBytes())).isEqualTo(new ReportResponded(id(4), AT, REPORT, ORG,
                    new Actor("u-dept", "住建局办理人", "department"), "haikou-housing", "已制定加装电梯补贴办法。"));
        }
        try (InputStream in = getClass().getResourceAsStream("/golden/legacy/report.submitted.v1.json")) {
            assertThat(EventCodec.fromJson(in.readAllBytes())).isEqualTo(new ReportSubmitted(id(1), AT, REPORT, ORG,
                    new Actor("u-member", "王委员", "member"), "老旧小区加装电梯进展缓慢", "龙华区多个老旧小区…",
                    "龙华区多个老旧小区加装电梯审批慢。", "visit", "urban-construction", "non-party", "urgent",
                    java.util.List.of("李委员")));
        }
        try (InputStream in = getClass().getResourceAsStream("/golden/legacy/report.instructed.v1.json")) {
            ReportInstructed legacy = (ReportInstructed) EventCodec.fromJson(in.readAllBytes());
            assertThat(legacy).isEqualTo(new ReportInstructed(id(19), AT, REPORT, ORG,
                    new Actor("u-leader", "陈市长", "leader"), "副市长", "请市住建局牵头研究，简化审批流程。", true));
            assertThat(legacy.leaderName()).as("the leader is the actor").isEqualTo("陈市长");
            assertThat(legacy.recorded()).isFalse();
        }
        try (InputStream in = getClass().getResourceAsStream("/golden/legacy/report.outcome-decided.v1.json")) {
            assertThat(EventCodec.fromJson(in.readAllBytes())).isEqualTo(new ReportOutcomeDecided(id(15), AT, REPORT,
                    ORG, EDITOR, Outcome.NOT_ADOPTED, "相关部门已有安排"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void encodesExactlyAsTheGoldenFile(String file, ReportEvent event) throws IOException {
        JsonNode encoded = JSON.readTree(EventCodec.toJson(event));
        assertThat(encoded).isEqualTo(golden(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void decodesTheGoldenFile(String file, ReportEvent event) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + file)) {
            assertThat(EventCodec.fromJson(in.readAllBytes())).isEqualTo(event);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void toleratesFieldsAddedLaterInTheSameVersion(String file, ReportEvent event) throws IOException {
        var node = (tools.jackson.databind.node.ObjectNode) golden(file);
        node.put("addedInALaterMinorRelease", "x");
        assertThat(EventCodec.fromJson(JSON.writeValueAsBytes(node))).isEqualTo(event);
    }

    private JsonNode golden(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden file %s", file).isNotNull();
            return JSON.readTree(in);
        }
    }

    static final Actor EDITOR = new Actor("u-editor", "李编辑", "editor");
    static final Actor HANDLER = new Actor("u-dept", "住建局办理人", "department");

    private static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }
}
