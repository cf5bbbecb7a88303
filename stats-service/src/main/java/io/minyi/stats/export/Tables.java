package io.minyi.stats.export;

import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.Rating;
import io.minyi.stats.export.domain.Table;
import io.minyi.stats.export.domain.Table.Column;
import io.minyi.stats.figures.Reports;
import io.minyi.stats.figures.domain.Figures;
import io.minyi.stats.figures.domain.Row;
import io.minyi.stats.member.domain.MemberRecord;
import io.minyi.stats.ranking.Rankings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The figures as tables with Chinese headers, for CSV and XLSX. */
public final class Tables {

    public static final Map<String, String> DIMENSION_NAMES = Map.of("topic", "专题", "sector", "界别", "channel", "来源渠道",
            "station", "联系点", "department", "承办单位", "member", "委员", "coauthor", "联名委员", "level", "组织层级",
            "body", "下级组织");
    public static final Map<String, String> RANKING_NAMES = Map.of("stations", "联系点排名", "sectors", "界别排名",
            "departments", "承办单位排名", "members", "委员履职排名");
    private static final Map<String, String> VALUE_NAMES = Map.ofEntries(Map.entry("reports", "产出信息"),
            Map.entry("adopted", "采纳"), Map.entry("visitors", "接待群众人次"), Map.entry("reportsPer100Visitors", "每百人次信息数"),
            Map.entry("received", "报送"), Map.entry("adoptionRate", "采用率"), Map.entry("instructed", "获批示"),
            Map.entry("assigned", "承办件数"), Map.entry("responded", "已答复"), Map.entry("respondedOnTime", "按时答复"),
            Map.entry("onTimeRate", "按时答复率"), Map.entry("satisfactionRate", "满意率"), Map.entry("overdueNow", "超期未答复"),
            Map.entry("urged", "被催办"), Map.entry("answeredAfterUrgeRate", "催办后答复率"),
            Map.entry("score", "履职积分"), Map.entry("submitted", "提交"), Map.entry("coAuthored", "联名"));

    private Tables() {
    }

    public static Table summary(Figures f, String orgName) {
        List<List<Object>> rows = new ArrayList<>();
        add(rows, "政协组织", orgName + "（" + f.org() + "）");
        add(rows, "统计时段", f.from() + " 至 " + f.to());
        add(rows, "收到信息", f.received());
        add(rows, "作者撤回", f.withdrawn());
        add(rows, "不予采用", f.rejected());
        add(rows, "合并", f.merged());
        add(rows, "签发", f.signedOff());
        add(rows, "当日签发", f.sameDaySignOff());
        rate(rows, "当日签发率", f.sameDayRate());
        add(rows, "报送领导", f.forwarded());
        add(rows, "报送上级", f.forwardedUp());
        add(rows, "获批示信息", f.instructed());
        add(rows, "批示次数", f.instructions());
        rate(rows, "批示率", f.instructionRate());
        add(rows, "交办", f.assigned());
        add(rows, "答复", f.responded());
        add(rows, "按时答复", f.respondedOnTime());
        rate(rows, "按时答复率", f.onTimeRate());
        add(rows, "办结", f.closed());
        add(rows, "采纳", f.adopted());
        for (AdoptionLevel level : AdoptionLevel.values()) {
            add(rows, "　其中" + level.label(), f.adoptedByLevel().get(level.wireName()));
        }
        add(rows, "未采纳", f.notAdopted());
        rate(rows, "采用率", f.adoptionRate());
        add(rows, "超期未答复", f.overdueNow());
        add(rows, "接待群众人次", f.visitors());
        for (Rating r : Rating.values()) {
            add(rows, "评价：" + r.label(), f.ratings().get(r.wireName()));
        }
        rate(rows, "满意率", f.satisfactionRate());
        add(rows, "签发用时中位数（小时）", f.signOffHours().median());
        add(rows, "签发用时90分位（小时）", f.signOffHours().p90());
        add(rows, "答复用时中位数（小时）", f.responseHours().median());
        add(rows, "答复用时90分位（小时）", f.responseHours().p90());
        return new Table("总体情况", List.of(Column.text("指标"), Column.number("数值")), rows);
    }

    /** A ratio on the two-column summary, shown as a percentage. */
    private static void rate(List<List<Object>> rows, String name, Double value) {
        add(rows, name, value == null ? null : new Table.Percent(value));
    }

    private static void add(List<List<Object>> rows, String name, Object value) {
        List<Object> row = new ArrayList<>();
        row.add(name);
        row.add(value);
        rows.add(row);
    }

    public static Table breakdown(String dimension, List<Row> rows) {
        List<Column> columns = new ArrayList<>(List.of(Column.text("编码"), Column.text(DIMENSION_NAMES.get(dimension)),
                Column.number("收到"), Column.number("签发"), Column.number("当日签发"), Column.number("报送上级"),
                Column.number("获批示"), Column.rate("批示率"), Column.number("交办"), Column.number("答复"),
                Column.number("按时答复"), Column.rate("按时答复率"), Column.number("办结"), Column.number("采纳"),
                Column.number("未采纳"), Column.rate("采用率")));
        for (AdoptionLevel level : AdoptionLevel.values()) {
            columns.add(Column.number(level.label()));
        }
        columns.addAll(List.of(Column.number("超期未答复"), Column.number("接待群众人次"), Column.number("被催办"),
                Column.rate("催办后答复率")));
        for (Rating r : Rating.values()) {
            columns.add(Column.number(r.label()));
        }
        columns.add(Column.rate("满意率"));
        List<List<Object>> lines = new ArrayList<>();
        for (Row r : rows) {
            List<Object> l = new ArrayList<>(List.of(r.key(), r.label(), r.received(), r.signedOff(), r.sameDaySignOff(),
                    r.forwardedUp(), r.instructed()));
            l.add(r.instructionRate());
            l.addAll(List.of(r.assigned(), r.responded(), r.respondedOnTime()));
            l.add(r.onTimeRate());
            l.addAll(List.of(r.closed(), r.adopted(), r.notAdopted()));
            l.add(r.adoptionRate());
            for (AdoptionLevel level : AdoptionLevel.values()) {
                l.add(r.adoptedByLevel().get(level.wireName()));
            }
            l.addAll(List.of(r.overdueNow(), r.visitors(), r.urged()));
            l.add(r.answeredAfterUrgeRate());
            for (Rating rating : Rating.values()) {
                l.add(r.ratings().get(rating.wireName()));
            }
            l.add(r.satisfactionRate());
            lines.add(l);
        }
        return new Table("按" + DIMENSION_NAMES.get(dimension), columns, lines);
    }

    public static Table trend(List<Reports.Point> points) {
        List<List<Object>> lines = new ArrayList<>();
        for (Reports.Point p : points) {
            List<Object> l = new ArrayList<>(List.of(p.label(), p.from(), p.to(), p.received(), p.signedOff(),
                    p.instructed(), p.assigned(), p.responded(), p.adopted()));
            l.add(p.adoptionRate());
            l.add(p.overdueNow());
            lines.add(l);
        }
        return new Table("趋势", List.of(Column.text("时段"), Column.text("起"), Column.text("止"), Column.number("收到"),
                Column.number("签发"), Column.number("获批示"), Column.number("交办"), Column.number("答复"),
                Column.number("采纳"), Column.rate("采用率"), Column.number("超期未答复")), lines);
    }

    public static Table ranking(String kind, List<Rankings.Line> lines) {
        List<Column> columns = new ArrayList<>(List.of(Column.number("名次"), Column.text("编码"), Column.text("名称")));
        List<String> keys = lines.isEmpty() ? List.of() : List.copyOf(lines.get(0).values().keySet());
        keys.forEach(k -> columns.add(k.endsWith("Rate") ? Column.rate(VALUE_NAMES.getOrDefault(k, k))
                : Column.number(VALUE_NAMES.getOrDefault(k, k))));
        List<List<Object>> rows = new ArrayList<>();
        for (Rankings.Line line : lines) {
            List<Object> r = new ArrayList<>();
            r.add(line.rank());
            r.add(line.key());
            r.add(line.label());
            keys.forEach(k -> r.add(line.values().get(k)));
            rows.add(r);
        }
        return new Table(RANKING_NAMES.get(kind), columns, rows);
    }

    public static Table members(List<MemberRecord> records) {
        List<Column> columns = new ArrayList<>(List.of(Column.text("委员"), Column.text("账号"), Column.number("年度"),
                Column.number("提交"), Column.number("签发"), Column.number("获批示"), Column.number("采纳")));
        for (AdoptionLevel level : AdoptionLevel.values()) {
            columns.add(Column.number(level.label()));
        }
        columns.addAll(List.of(Column.number("联名"), Column.number("联名被采纳"), Column.number("履职积分")));
        List<List<Object>> rows = new ArrayList<>();
        for (MemberRecord m : records) {
            List<Object> r = new ArrayList<>();
            r.add(m.name());
            r.add(m.memberId());
            r.addAll(List.of(m.year(), m.submitted(), m.signedOff(), m.instructed(), m.adopted()));
            for (AdoptionLevel level : AdoptionLevel.values()) {
                r.add(m.adoptedByLevel().get(level.wireName()));
            }
            r.addAll(List.of(m.coAuthored(), m.coAuthoredAdopted(), m.score()));
            rows.add(r);
        }
        return new Table("委员履职", columns, rows);
    }
}
