package io.minyi.stats.member;

import io.minyi.contracts.OrgPath;
import io.minyi.stats.member.domain.MemberRecord;
import io.minyi.stats.member.domain.ScoringRule;
import io.minyi.stats.member.store.ScoringRules;
import io.minyi.stats.projection.domain.Totals;
import io.minyi.stats.projection.store.CellQueries;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Members' yearly records at a body, from the year's breakdown cells and the body's scoring rule. */
@Component
public class MemberRecords {

    private final CellQueries cells;
    private final ScoringRules rules;

    public MemberRecords(CellQueries cells, ScoringRules rules) {
        this.cells = cells;
        this.rules = rules;
    }

    /** One member's year at their body; co-authorships are found by the member's name, as reports name them. */
    public MemberRecord of(OrgPath org, int year, String memberId, String name) {
        List<String> periods = List.of(String.valueOf(year));
        CellQueries.Breakdowns b = cells.member(org.value(), periods, memberId, name);
        String shown = b.labels().getOrDefault("member." + memberId, name);
        if (name == null && shown != null) {
            b = cells.member(org.value(), periods, memberId, shown); // the office looked up by id: now the co-authorships
        }
        Totals own = b.totals().rows("member").getOrDefault(memberId, Totals.empty());
        Totals co = shown == null ? Totals.empty() : b.totals().rows("coauthor").getOrDefault(shown, Totals.empty());
        return MemberRecord.of(memberId, shown, org.value(), year, own, co, rules.applying(org));
    }

    /** Every member with a report (or a co-authorship) received at the body or below in the year, best score first. */
    public List<MemberRecord> all(OrgPath org, int year) {
        CellQueries.Breakdowns b = cells.breakdowns(org.value(), List.of(String.valueOf(year)), List.of("member", "coauthor"));
        ScoringRule rule = rules.applying(org);
        Map<String, Totals> members = b.totals().rows("member");
        Map<String, Totals> coAuthors = b.totals().rows("coauthor");
        List<MemberRecord> records = new ArrayList<>();
        java.util.Set<String> named = new java.util.HashSet<>();
        members.forEach((id, own) -> {
            String name = b.labels().get("member." + id);
            named.add(name);
            records.add(MemberRecord.of(id, name, org.value(), year, own,
                    name == null ? Totals.empty() : coAuthors.getOrDefault(name, Totals.empty()), rule));
        });
        coAuthors.forEach((name, co) -> {
            if (!named.contains(name)) {
                records.add(MemberRecord.of(null, name, org.value(), year, Totals.empty(), co, rule));
            }
        });
        records.removeIf(r -> r.submitted() == 0 && r.coAuthored() == 0);
        records.sort(Comparator.comparingDouble(MemberRecord::score).reversed()
                .thenComparing(r -> r.name() == null ? "" : r.name()));
        return records;
    }
}
