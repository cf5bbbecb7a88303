package io.minyi.routing.workflow.domain;

import io.minyi.contracts.ReportStatus;
import io.minyi.contracts.WireNamed;

import java.util.EnumSet;
import java.util.Set;

/**
 * What may be done to a report, from which states, and by whom: the editors of the office of the body
 * handling it (采编, 报送, 交办), its leaders (签发, 批示), or the report's author.
 */
public enum Action implements WireNamed {
    START_EDITING("start-editing", "开始采编", Who.EDITOR, EnumSet.of(ReportStatus.SUBMITTED, ReportStatus.FORWARDED_UP)),
    EDIT("edit", "修改", Who.EDITOR, EnumSet.of(ReportStatus.EDITING)),
    RETURN("return", "退回修改", Who.EDITOR, EnumSet.of(ReportStatus.EDITING)),
    RESUBMIT("resubmit", "重新提交", Who.AUTHOR, EnumSet.of(ReportStatus.RETURNED)),
    REJECT("reject", "不予采用", Who.EDITOR, EnumSet.of(ReportStatus.SUBMITTED, ReportStatus.EDITING)),
    MERGE("merge", "合并", Who.EDITOR, EnumSet.of(ReportStatus.SUBMITTED, ReportStatus.EDITING)),
    SIGN_OFF("sign-off", "签发", Who.LEADER, EnumSet.of(ReportStatus.EDITING)),
    FORWARD("forward", "报送领导", Who.EDITOR, EnumSet.of(ReportStatus.SIGNED_OFF)),
    FORWARD_UP("forward-up", "报送上级", Who.EDITOR, EnumSet.of(ReportStatus.SIGNED_OFF, ReportStatus.FORWARDED,
            ReportStatus.INSTRUCTED, ReportStatus.ADOPTED)),
    INSTRUCT("instruct", "批示", Who.LEADER, EnumSet.of(ReportStatus.SIGNED_OFF, ReportStatus.FORWARDED,
            ReportStatus.INSTRUCTED)),
    RECORD_INSTRUCTION("record-instruction", "录入批示", Who.EDITOR, EnumSet.of(ReportStatus.SIGNED_OFF,
            ReportStatus.FORWARDED, ReportStatus.INSTRUCTED)),
    ASSIGN("assign", "交办", Who.EDITOR, EnumSet.of(ReportStatus.SIGNED_OFF, ReportStatus.FORWARDED,
            ReportStatus.INSTRUCTED, ReportStatus.BOUNCED)),
    DECIDE_EXTENSION("decide-extension", "审批延期申请", Who.EDITOR, EnumSet.of(ReportStatus.ASSIGNED,
            ReportStatus.HANDLING)),
    RETURN_REPLY("return-reply", "退回答复", Who.EDITOR, EnumSet.of(ReportStatus.RESPONDED)),
    URGE("urge", "催办", Who.EDITOR, EnumSet.of(ReportStatus.ASSIGNED, ReportStatus.HANDLING)),
    DECIDE("decide", "认定采纳结果", Who.EDITOR, EnumSet.of(ReportStatus.SIGNED_OFF, ReportStatus.FORWARDED,
            ReportStatus.INSTRUCTED, ReportStatus.RESPONDED)),
    CLOSE("close", "办结", Who.EDITOR, EnumSet.of(ReportStatus.ADOPTED, ReportStatus.NOT_ADOPTED)),
    DECIDE_REOPEN("decide-reopen", "审批重新办理申请", Who.EDITOR, EnumSet.of(ReportStatus.CLOSED)),
    WITHDRAW("withdraw", "撤回", Who.AUTHOR, EnumSet.of(ReportStatus.SUBMITTED));

    /** Who performs an action. */
    public enum Who {
        EDITOR, LEADER, AUTHOR
    }

    private final Names names;
    private final Who who;
    private final Set<ReportStatus> from;

    Action(String wireName, String label, Who who, Set<ReportStatus> from) {
        this.names = new Names(wireName, label);
        this.who = who;
        this.from = from;
    }

    @Override
    public Names names() {
        return names;
    }

    public Who who() {
        return who;
    }

    /** The states this action may be taken from. */
    public Set<ReportStatus> from() {
        return from;
    }

    public static Action fromWireName(String name) {
        return WireNamed.fromWireName(Action.class, name);
    }
}
