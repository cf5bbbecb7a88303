package io.minyi.e2e.bench;

/**
 * Report texts for the load: each one a different combination of place, problem and suggestion (as a
 * city's real reports are mostly about different things), so duplicate detection works as it does in
 * production rather than finding ten near-copies for every submission.
 */
final class Texts {

    private static final String[] PLACES = {"龙华区金宇街道", "美兰区海甸街道", "秀英区长流镇", "琼山区府城街道", "龙华区城西镇",
            "美兰区白龙街道", "龙华区滨海街道", "琼山区国兴街道", "秀英区西秀镇", "美兰区演丰镇", "龙华区海垦街道", "琼山区凤翔街道"};
    private static final String[] PROBLEMS = {"老旧小区加装电梯审批周期长", "背街小巷路灯损坏无人维修", "学校周边上下学时段交通拥堵",
            "社区卫生服务站药品种类不足", "农贸市场周边占道经营", "公交线路调整后居民出行不便", "雨季低洼路段积水严重",
            "养老机构床位紧张排队时间长", "小区充电桩数量不足且收费混乱", "河道垃圾漂浮影响周边环境", "夜市噪音扰民问题突出",
            "农村供水管网老化频繁停水", "人行道被共享单车大量占用", "社区托育服务供给不足", "旅游旺季景区周边停车难"};
    private static final String[] SUGGESTIONS = {"建议相关部门尽快组织排查并限期整改", "建议简化审批流程并公开办理时限",
            "建议增加财政投入并引入社会资本参与", "建议建立常态化巡查和群众监督机制", "建议优化资源配置并开展试点",
            "建议完善相关标准并加强执法检查", "建议设立专项资金并明确责任单位"};

    private Texts() {
    }

    static String report(String key, long i) {
        String place = PLACES[(int) (i % PLACES.length)];
        String problem = PROBLEMS[(int) ((i / PLACES.length) % PROBLEMS.length)];
        String suggestion = SUGGESTIONS[(int) ((i / 7) % SUGGESTIONS.length)];
        return "{\"title\":\"" + place + problem + "\",\"body\":\"" + place + "群众反映" + problem + "，已持续较长时间，"
                + "影响居民日常生活（编号" + key + "）。" + suggestion + "。\"}";
    }
}
