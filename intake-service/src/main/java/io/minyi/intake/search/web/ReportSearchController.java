package io.minyi.intake.search.web;

import io.minyi.contracts.ChinaTime;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportStatus;
import io.minyi.contracts.WireNamed;
import io.minyi.intake.reference.ReferenceData;
import io.minyi.intake.reference.domain.ReferenceKind;
import io.minyi.intake.report.ReportAccess;
import io.minyi.intake.report.domain.Details;
import io.minyi.intake.report.domain.Report;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.intake.search.index.ReportIndex;
import io.minyi.intake.search.index.ReportQuery;
import io.minyi.intake.search.messaging.SearchCatchUp;
import io.minyi.intake.similarity.SimilarityIndex;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Lists and searches reports: {@code scope=mine} (what the caller submitted), {@code scope=station}
 * (what was filed through the caller's liaison station, for its officers) or {@code scope=incoming}
 * (what reached the caller's body and the bodies below it, for the office). Without keywords, a
 * department or {@code like}, the list comes from the report store, newest first, the moment a report
 * is stored. With them it comes from the search index: keywords ranked by BM25 with highlighted
 * snippets, a department's reports, or {@code like=<id>}: the reports closest in meaning (embedding).
 */
@RestController
class ReportSearchController {

    static final ZoneId ZONE = ChinaTime.ZONE;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_KEYWORDS = 5;
    static final int MAX_KEYWORD_LENGTH = 30;
    static final Set<String> PARAMETERS = Set.of("scope", "q", "org", "from", "to", "page", "size", "topic", "sector",
            "channel", "urgency", "state", "department", "like", "station");

    private final ReportStore store;
    private final ReferenceData reference;
    private final ReportIndex index;
    private final ReportAccess access;
    private final SimilarityIndex similarity;
    private final SearchCatchUp catchUp;

    ReportSearchController(ReportStore store, ReferenceData reference, ReportIndex index, ReportAccess access,
                           SimilarityIndex similarity, SearchCatchUp catchUp) {
        this.catchUp = catchUp;
        this.store = store;
        this.reference = reference;
        this.index = index;
        this.access = access;
        this.similarity = similarity;
    }

    record Item(String id, String org, String title, String summary, String authorName, Instant submittedAt,
                String status, String statusLabel, String titleHighlighted, String snippet, Double score) {
    }

    record Page(List<Item> items, int page, int size, long total) {
    }

    @GetMapping("/api/reports")
    Page list(@RequestParam(defaultValue = "mine") String scope, @RequestParam(required = false) String q,
              @RequestParam(required = false) String org, @RequestParam(required = false) String from,
              @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String topic,
              @RequestParam(required = false) String sector, @RequestParam(required = false) String channel,
              @RequestParam(required = false) String urgency, @RequestParam(required = false) String state,
              @RequestParam(required = false) String department, @RequestParam(required = false) String like,
              @RequestParam(required = false) String station, Caller caller, HttpServletRequest request) {
        request.getParameterMap().keySet().stream().filter(p -> !PARAMETERS.contains(p)).findFirst().ifPresent(p -> {
            throw bad("unknown-parameter", "未知的查询条件：" + p, "Unknown query parameter: " + p);
        });
        ApiProblem.requirePage(page, size, MAX_PAGE_SIZE);
        if ((long) (page + 1) * size > ReportQuery.MAX_DEPTH) {
            throw bad("page-too-deep", "最多翻到第 " + ReportQuery.MAX_DEPTH + " 条，请缩小检索范围。",
                    "Results beyond the first " + ReportQuery.MAX_DEPTH + " are not paged; narrow the search.");
        }
        Scope own = scope(scope, org, caller);
        known(station, st -> reference.find(ReferenceKind.STATION, st).isPresent(), "station", "联系点/委员工作站");
        // a station's own scope stays its own; the office may narrow its subtree to one station's reports
        Scope s = own.station() == null && station != null ? new Scope(own.author(), station, own.tree()) : own;
        known(topic, reference::isTopic, "topic", "议题分类");
        known(sector, reference::isSector, "sector", "界别");
        known(channel, c -> isWireName(Details.Channel.class, c), "channel", "信息来源渠道");
        known(urgency, u -> isWireName(Details.Urgency.class, u), "urgency", "紧急程度");
        known(state, st -> isWireName(ReportStatus.class, st), "state", "状态");
        known(department, d -> reference.find(ReferenceKind.DEPARTMENT, d).isPresent(), "department", "承办单位");
        Instant[] range = dateRange(from, to);
        List<String> keywords = q == null || q.isBlank() ? List.of() : keywords(q);
        if (keywords.isEmpty() && department == null && like == null) {
            return fromStore(s, range, topic, sector, channel, urgency, state, page, size);
        }
        if (!catchUp.caughtUp()) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "search-catching-up", "检索服务刚刚重启，正在重建索引，请稍后再试。",
                    "This instance's search index is still being rebuilt after a restart; try again shortly.");
        }
        Map<String, Double> ranking = null;
        List<String> ids = null;
        if (like != null) {
            Report near = access.readable(like, caller);
            ranking = new LinkedHashMap<>();
            for (var n : similarity.nearest(near.id(), near.org(), 200)) {
                ranking.put(n.reportId(), n.score());
            }
            ids = List.copyOf(ranking.keySet());
        }
        var result = ReportQuery.run(index, new ReportQuery.Criteria(keywords, s.tree(), s.author(), s.station(), state,
                topic, sector, channel, urgency, department, range[0], range[1], ids), page * size, size, ranking);
        List<Item> items = new ArrayList<>();
        for (var hit : result.hits()) {
            var r = hit.report();
            ReportStatus status = r.status == null ? ReportStatus.SUBMITTED : WireNamed.fromWireName(ReportStatus.class, r.status);
            Double score = ranking != null ? ranking.get(r.id) : keywords.isEmpty() ? null : (double) hit.score();
            items.add(new Item(r.id, r.org, r.title, r.summary, r.authorName, r.submittedAt, status.wireName(), status.label(),
                    hit.titleHighlighted(), hit.snippet(), score));
        }
        return new Page(items, page, size, result.total());
    }

    /** Who may see what in a scope: an author, a station, or a body's subtree. */
    record Scope(String author, String station, String tree) {
    }

    private static Scope scope(String scope, String org, Caller caller) {
        switch (scope) {
            case "mine":
                return new Scope(caller.id(), null, null);
            case "station":
                caller.requireAnyRole(Roles.OFFICER);
                if (caller.station() == null) {
                    throw new ApiProblem(HttpStatus.FORBIDDEN, "no-station", "您的账号未关联联系点或委员工作站。",
                            "Your account is not linked to a liaison station.");
                }
                return new Scope(null, caller.station(), null);
            case "incoming":
                caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
                return new Scope(null, null, subtree(org, caller).value());
            default:
                throw bad("unknown-scope", "scope 只能是 mine（我提交的）、station（本联系点的）或 incoming（本级及下级收到的）。",
                        "scope must be mine, station or incoming.");
        }
    }

    private Page fromStore(Scope s, Instant[] range, String topic, String sector, String channel, String urgency,
                           String state, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        if (s.author() != null) {
            all.add(Criteria.where("author.id").is(s.author()));
        }
        if (s.station() != null) {
            all.add(Criteria.where("details.station").is(s.station()));
        }
        if (s.tree() != null) {
            all.add(Criteria.where("orgAncestors").is(s.tree()));
        }
        if (range[0] != null || range[1] != null) {
            Criteria c = Criteria.where("submittedAt");
            if (range[0] != null) {
                c = c.gte(Date.from(range[0]));
            }
            if (range[1] != null) {
                c = c.lt(Date.from(range[1]));
            }
            all.add(c);
        }
        equalTo(all, "details.topic", topic);
        equalTo(all, "details.sector", sector);
        equalTo(all, "details.channel", channel);
        equalTo(all, "details.urgency", urgency);
        equalTo(all, "status", state);
        var result = store.page(new Criteria().andOperator(all), page, size);
        return new Page(result.reports().stream()
                .map(r -> new Item(r.id(), r.org().value(), r.title(), r.summary(), r.author().name(), r.submittedAt(),
                        r.status().wireName(), r.status().label(), null, null, null))
                .toList(), page, size, result.total());
    }

    private static void equalTo(List<Criteria> all, String field, String value) {
        if (value != null) {
            all.add(Criteria.where(field).is(value));
        }
    }

    private static void known(String value, Predicate<String> known, String name, String label) {
        if (value != null && !known.test(value)) {
            throw bad("unknown-" + name, "未知的" + label + "：" + value, "Unknown " + name + ": " + value);
        }
    }

    private static <E extends Enum<E> & WireNamed> boolean isWireName(Class<E> type, String value) {
        try {
            WireNamed.fromWireName(type, value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static OrgPath subtree(String org, Caller caller) {
        if (org == null) {
            return caller.org();
        }
        if (!OrgPath.isValid(org)) {
            throw bad("invalid-org", "政协组织编码格式不正确：" + org, "Malformed org path: " + org);
        }
        OrgPath wanted = OrgPath.of(org);
        if (!caller.sees(wanted)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "foreign-org", "您无权查看其他政协组织的社情民意信息。",
                    "You may only list reports of your own body and the bodies below it.");
        }
        return wanted;
    }

    /** Keywords separated by spaces; each needs a word the index knows (punctuation alone is none). */
    private List<String> keywords(String q) {
        List<String> keywords = List.of(q.strip().split("\\s+"));
        if (keywords.size() > MAX_KEYWORDS || keywords.stream().anyMatch(k -> k.length() > MAX_KEYWORD_LENGTH)) {
            throw bad("invalid-query", "关键词最多 " + MAX_KEYWORDS + " 个，每个不超过 " + MAX_KEYWORD_LENGTH + " 个字。",
                    "At most " + MAX_KEYWORDS + " keywords of up to " + MAX_KEYWORD_LENGTH + " characters.");
        }
        List<String> meaningful = keywords.stream().filter(k -> !ReportQuery.words(index.analyzer(), k).isEmpty()).toList();
        if (meaningful.isEmpty()) {
            throw bad("invalid-query", "关键词须包含文字或数字。", "Keywords need letters or digits.");
        }
        return meaningful;
    }

    private static Instant[] dateRange(String from, String to) {
        try {
            LocalDate start = from == null ? null : LocalDate.parse(from);
            LocalDate end = to == null ? null : LocalDate.parse(to);
            if (start != null && end != null && start.isAfter(end)) {
                throw bad("invalid-date-range", "开始日期不能晚于结束日期。", "from must not be after to.");
            }
            return new Instant[] {start == null ? null : start.atStartOfDay(ZONE).toInstant(),
                    end == null ? null : end.plusDays(1).atStartOfDay(ZONE).toInstant()};
        } catch (DateTimeParseException e) {
            throw bad("invalid-date", "日期格式应为 YYYY-MM-DD。", "Dates are YYYY-MM-DD.");
        }
    }

    private static ApiProblem bad(String code, String zh, String en) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, zh, en);
    }
}
