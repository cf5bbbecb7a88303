package io.minyi.intake.search.web;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.WireNamed;
import io.minyi.intake.reference.ReferenceData;
import io.minyi.intake.report.domain.Details;
import io.minyi.contracts.ReportStatus;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.intake.search.domain.SearchTerms;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
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
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Lists reports: {@code scope=mine} (what the caller submitted), {@code scope=station} (what was filed
 * through the caller's liaison station, for its officers) or {@code scope=incoming} (what reached the
 * caller's body and the bodies below it, for the office), with keyword search, filters by state, topic,
 * sector, channel and urgency, a date range in China Standard Time and paging.
 */
@RestController
class ReportSearchController {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_PAGE_SIZE = 100;

    private final ReportStore store;
    private final ReferenceData reference;

    ReportSearchController(ReportStore store, ReferenceData reference) {
        this.store = store;
        this.reference = reference;
    }

    record Item(String id, String org, String title, String summary, String authorName, Instant submittedAt,
                String status, String statusLabel) {
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
              Caller caller) {
        ApiProblem.requirePage(page, size, MAX_PAGE_SIZE);
        List<Criteria> all = new ArrayList<>();
        switch (scope) {
            case "mine" -> all.add(Criteria.where("author.id").is(caller.id()));
            case "station" -> {
                caller.requireAnyRole(Roles.OFFICER);
                if (caller.station() == null) {
                    throw new ApiProblem(HttpStatus.FORBIDDEN, "no-station", "您的账号未关联联系点或委员工作站。",
                            "Your account is not linked to a liaison station.");
                }
                all.add(Criteria.where("details.station").is(caller.station()));
            }
            case "incoming" -> {
                caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
                all.add(Criteria.where("orgAncestors").is(subtree(org, caller).value()));
            }
            default -> throw bad("unknown-scope", "scope 只能是 mine（我提交的）、station（本联系点的）或 incoming（本级及下级收到的）。",
                    "scope must be mine, station or incoming.");
        }
        dateRange(from, to).ifPresent(all::add);
        equalTo("details.topic", topic, reference::isTopic, "topic", "议题分类").ifPresent(all::add);
        equalTo("details.sector", sector, reference::isSector, "sector", "界别").ifPresent(all::add);
        equalTo("details.channel", channel, c -> isWireName(Details.Channel.class, c), "channel", "信息来源渠道")
                .ifPresent(all::add);
        equalTo("details.urgency", urgency, u -> isWireName(Details.Urgency.class, u), "urgency", "紧急程度")
                .ifPresent(all::add);
        equalTo("status", state, st -> isWireName(ReportStatus.class, st), "state", "状态").ifPresent(all::add);
        if (q != null && !q.isBlank()) {
            keywords(q).forEach(all::add);
        }
        var result = store.page(new Criteria().andOperator(all), page, size);
        return new Page(result.reports().stream()
                .map(r -> new Item(r.id(), r.org().value(), r.title(), r.summary(), r.author().name(), r.submittedAt(),
                        r.status().wireName(), r.status().label()))
                .toList(), page, size, result.total());
    }

    private static Optional<Criteria> equalTo(String field, String value, Predicate<String> known, String name,
                                              String label) {
        if (value == null) {
            return Optional.empty();
        }
        if (!known.test(value)) {
            throw bad("unknown-" + name, "未知的" + label + "：" + value, "Unknown " + name + ": " + value);
        }
        return Optional.of(Criteria.where(field).is(value));
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

    private static List<Criteria> keywords(String q) {
        List<String> keywords = SearchTerms.keywords(q);
        if (keywords.isEmpty()) {
            throw bad("invalid-query", "关键词须包含文字或数字。", "Keywords need letters or digits.");
        }
        if (keywords.size() > SearchTerms.MAX_KEYWORDS
                || keywords.stream().anyMatch(k -> k.length() > SearchTerms.MAX_KEYWORD_LENGTH)) {
            throw bad("invalid-query", "关键词最多 " + SearchTerms.MAX_KEYWORDS + " 个，每个不超过 "
                            + SearchTerms.MAX_KEYWORD_LENGTH + " 个字。",
                    "At most " + SearchTerms.MAX_KEYWORDS + " keywords of up to " + SearchTerms.MAX_KEYWORD_LENGTH
                            + " characters.");
        }
        return keywords.stream()
                .map(k -> new Criteria().andOperator(Criteria.where("terms").all(SearchTerms.required(k)),
                        Criteria.where("searchText").regex(Pattern.quote(k))))
                .toList();
    }

    private static Optional<Criteria> dateRange(String from, String to) {
        if (from == null && to == null) {
            return Optional.empty();
        }
        try {
            Criteria c = Criteria.where("submittedAt");
            LocalDate start = from == null ? null : LocalDate.parse(from);
            LocalDate end = to == null ? null : LocalDate.parse(to);
            if (start != null && end != null && start.isAfter(end)) {
                throw bad("invalid-date-range", "开始日期不能晚于结束日期。", "from must not be after to.");
            }
            if (start != null) {
                c = c.gte(Date.from(start.atStartOfDay(ZONE).toInstant()));
            }
            if (end != null) {
                c = c.lt(Date.from(end.plusDays(1).atStartOfDay(ZONE).toInstant()));
            }
            return Optional.of(c);
        } catch (DateTimeParseException e) {
            throw bad("invalid-date", "日期格式应为 YYYY-MM-DD。", "Dates are YYYY-MM-DD.");
        }
    }

    private static ApiProblem bad(String code, String zh, String en) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, zh, en);
    }
}
