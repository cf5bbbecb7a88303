package io.minyi.routing.bulletin.domain;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;

import java.time.Instant;
import java.util.List;

/** Bulletin issues for the layout tests: a published issue of two reports, the second long enough for a second page. */
public final class BulletinMother {

    public static final String FIRST_TITLE = "关于简化老旧小区加装电梯审批的建议";
    public static final String SECOND_TITLE = "关于加强背街小巷夜间照明的建议";

    public static Bulletin published() {
        String longText = ("龙华区金盘、滨涯等片区背街小巷夜间照明不足，居民夜归存在安全隐患，部分路段路灯损坏后长期无人修复。"
                + "建议由区城管部门牵头，对辖区背街小巷照明设施开展一次全面排查，建立路灯故障“接诉即办”机制，"
                + "并将修复时限纳入网格化管理考核。\n").repeat(4);
        return Bulletin.draft(OrgPath.of("haikou"), "海口市政协办公室", 2026, 12, Instant.parse("2026-11-20T02:00:00Z"))
                .withItems(List.of(
                        new Bulletin.Item("r-1", OrgPath.of("haikou/longhua"), FIRST_TITLE,
                                "龙华区多个老旧小区反映加装电梯审批环节多、周期长。\n建议：一、推行并联审批；二、公布办理时限 <30 天> & 限时办结。",
                                "王委员、钱委员"),
                        new Bulletin.Item("r-2", OrgPath.of("haikou/longhua"), SECOND_TITLE, longText, "赵委员")))
                .withDistribution(null, new Bulletin.Distribution("市委、市人大常委会、市政府领导同志", "市委办公厅、市政府办公厅"))
                .publish(new Actor("u-lin", "林主席", "leader"), Instant.parse("2026-11-24T03:00:00Z")).bulletin();
    }

    private BulletinMother() {
    }
}
