package io.minyi.stats.ranking;

import io.minyi.contracts.OrgPath;
import io.minyi.stats.figures.Reports;
import io.minyi.stats.figures.domain.Range;
import io.minyi.stats.figures.domain.Rates;
import io.minyi.stats.figures.domain.Row;
import io.minyi.stats.member.MemberRecords;
import io.minyi.stats.member.domain.MemberRecord;
import io.minyi.stats.ranking.domain.Ranking;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rankings of stations, sectors, departments and members, each with its stated method. */
@Component
public class Rankings {

    public static final Map<String, String> METHODS = Map.of(
            "stations", "按产出信息数降序，其次采纳数降序，再次接待群众人次降序；各项均相同者并列（1224 排名法）。",
            "sectors", "按采纳数降序，其次采用率降序，再次报送数降序；各项均相同者并列（1224 排名法）。",
            "departments", "按按时答复率降序，其次满意率降序，再次承办件数降序；无答复或无评价者排在其后；各项均相同者并列（1224 排名法）。",
            "members", "按履职积分降序，其次采纳数降序，再次提交数降序；各项均相同者并列（1224 排名法）。");

    /** A ranking's kind; 404 {@code unknown-ranking} otherwise. */
    public static String kind(String kind) {
        if (kind == null || !METHODS.containsKey(kind)) {
            throw new io.minyi.support.web.ApiProblem(org.springframework.http.HttpStatus.NOT_FOUND, "unknown-ranking",
                    "没有这个排名：" + kind + "（可选 stations、sectors、departments、members）",
                    "No such ranking: " + kind + " (stations, sectors, departments, members)");
        }
        return kind;
    }

    private final Reports reports;
    private final MemberRecords members;

    public Rankings(Reports reports, MemberRecords members) {
        this.reports = reports;
        this.members = members;
    }

    public record Line(int rank, String key, String label, Map<String, Object> values) {
    }

    public List<Line> rank(String kind, OrgPath org, Range range) {
        return switch (kind) {
            case "stations" -> rows(reports.breakdown(org, range, "station"), Ranking.<Row>desc(Row::received)
                    .thenComparing(Ranking.desc(Row::adopted)).thenComparing(Ranking.desc(Row::visitors)), r -> values(
                    "reports", r.received(), "adopted", r.adopted(), "visitors", r.visitors(),
                    "reportsPer100Visitors", Rates.of(r.received() * 100, r.visitors())));
            case "sectors" -> rows(reports.breakdown(org, range, "sector"), Ranking.<Row>desc(Row::adopted)
                    .thenComparing(Ranking.desc(Row::adoptionRate)).thenComparing(Ranking.desc(Row::received)), r -> values(
                    "received", r.received(), "adopted", r.adopted(), "adoptionRate", r.adoptionRate(),
                    "instructed", r.instructed()));
            case "departments" -> rows(reports.breakdown(org, range, "department"), Ranking.<Row>desc(Row::onTimeRate)
                    .thenComparing(Ranking.desc(Row::satisfactionRate)).thenComparing(Ranking.desc(Row::assigned)), r -> values(
                    "assigned", r.assigned(), "responded", r.responded(), "respondedOnTime", r.respondedOnTime(),
                    "onTimeRate", r.onTimeRate(), "satisfactionRate", r.satisfactionRate(), "overdueNow", r.overdueNow(),
                    "urged", r.urged(), "answeredAfterUrgeRate", r.answeredAfterUrgeRate()));
            case "members" -> memberLines(org, range);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private List<Line> memberLines(OrgPath org, Range range) {
        List<MemberRecord> records = members.all(org, range.from().getYear());
        return Ranking.rank(records, Ranking.<MemberRecord>desc(MemberRecord::score)
                        .thenComparing(Ranking.desc(MemberRecord::adopted)).thenComparing(Ranking.desc(MemberRecord::submitted)),
                Comparator.comparing(r -> String.valueOf(r.memberId()) + r.name())).stream()
                .map(r -> new Line(r.rank(), r.item().memberId(), r.item().name(), values("score", r.item().score(),
                        "submitted", r.item().submitted(), "coAuthored", r.item().coAuthored(), "adopted", r.item().adopted(),
                        "instructed", r.item().instructed())))
                .toList();
    }

    private static List<Line> rows(List<Row> rows, Comparator<Row> keys, java.util.function.Function<Row, Map<String, Object>> values) {
        return Ranking.rank(rows, keys, Comparator.comparing(Row::key)).stream()
                .map(r -> new Line(r.rank(), r.item().key(), r.item().label(), values.apply(r.item()))).toList();
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
