package io.minyi.stats.ledger.domain;

import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.Rating;
import io.minyi.stats.projection.domain.FactView;
import io.minyi.stats.projection.domain.ReportFact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The 台账's columns, in the order a CPPCC office files them, and one report as a row of them. */
public final class LedgerColumns {

    public static final List<String> HEADERS = List.of("信息编号", "标题", "报送人", "联名人", "报送单位", "报送渠道",
            "联络站", "类别", "界别", "报送日期", "签发日期", "报送上级日期", "领导批示（次）", "交办日期", "承办单位", "办理时限",
            "答复日期", "答复函文号", "办结日期", "办理结果", "采用级别", "满意度", "状态");

    /** The stages the statistics tell apart (a report's state, coarsely). */
    public static final Map<String, String> STAGES = Map.of("submitted", "已报送", "signed-off", "已签发",
            "assigned", "办理中", "responded", "已答复", "closed", "已办结", "withdrawn", "已撤回", "rejected", "不予采用",
            "merged", "已合并");

    /** The stage of each state the work screens filter by (routing's states are finer than the statistics'). */
    public static final Map<String, String> STAGE_OF_STATE = Map.ofEntries(Map.entry("submitted", "submitted"),
            Map.entry("editing", "submitted"), Map.entry("returned", "submitted"), Map.entry("signed-off", "signed-off"),
            Map.entry("forwarded", "signed-off"), Map.entry("forwarded-up", "signed-off"),
            Map.entry("instructed", "signed-off"), Map.entry("assigned", "assigned"), Map.entry("handling", "assigned"),
            Map.entry("bounced", "assigned"), Map.entry("responded", "responded"), Map.entry("adopted", "responded"),
            Map.entry("not-adopted", "responded"), Map.entry("closed", "closed"), Map.entry("rejected", "rejected"),
            Map.entry("merged", "merged"), Map.entry("withdrawn", "withdrawn"));

    private static final Map<String, String> OUTCOMES = Map.of("ADOPTED", "采纳", "NOT_ADOPTED", "未采纳");

    /** Names for the codes a report carries. */
    public interface Names {
        String org(String code);

        String channel(String code);

        String station(String code);

        String topic(String code);

        String sector(String code);

        String department(String code);
    }

    public static List<Object> row(FactView f, Names names) {
        List<Object> row = new ArrayList<>(HEADERS.size());
        row.add(f.id());
        row.add(f.title());
        row.add(f.authorName());
        row.add(String.join("、", f.coAuthors()));
        row.add(name(f.org(), names::org));
        row.add(name(f.channel(), names::channel));
        row.add(name(f.station(), names::station));
        row.add(name(f.topic(), names::topic));
        row.add(name(f.sector(), names::sector));
        row.add(day(f.submittedAt()));
        row.add(day(f.signedOffAt()));
        row.add(day(f.forwardedUpAt()));
        row.add(f.instructions());
        row.add(day(f.assignedAt()));
        row.add(name(f.department(), names::department));
        row.add(f.deadline());
        row.add(day(f.respondedAt()));
        row.add(f.letterNo());
        row.add(day(f.closedAt()));
        row.add(f.outcome() == null ? null : OUTCOMES.getOrDefault(f.outcome(), f.outcome()));
        row.add(f.adoptionLevel() == null ? null : AdoptionLevel.fromWireName(f.adoptionLevel()).label());
        row.add(f.ratings().isEmpty() ? null
                : String.join("、", f.ratings().stream().map(r -> Rating.fromWireName(r).label()).toList()));
        row.add(STAGES.getOrDefault(f.status(), f.status()));
        return row;
    }

    private static String name(String code, java.util.function.UnaryOperator<String> namer) {
        return code == null ? null : namer.apply(code);
    }

    private static LocalDate day(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, ReportFact.ZONE);
    }

    private LedgerColumns() {
    }
}
