package io.minyi.stats.ranking.web;

import io.minyi.contracts.OrgPath;
import io.minyi.stats.figures.domain.Range;
import io.minyi.stats.figures.web.Scope;
import io.minyi.stats.ranking.Rankings;
import io.minyi.support.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class RankingController {

    private final Rankings rankings;
    private final Scope scope;

    RankingController(Rankings rankings, Scope scope) {
        this.rankings = rankings;
        this.scope = scope;
    }

    /** {@code kind}: stations, sectors, departments or members (members: the year of the period's start). */
    @GetMapping("/api/stats/rankings/{kind}")
    Result ranking(@PathVariable String kind, @RequestParam(required = false) String org,
                   @RequestParam(required = false) String period, @RequestParam(required = false) String date,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   Caller caller) {
        OrgPath body = scope.office(caller, org);
        Range range = scope.range(period, date, from, to);
        return new Result(Rankings.kind(kind), Rankings.METHODS.get(kind), body.value(), range.from().toString(),
                range.to().toString(), rankings.rank(kind, body, range));
    }

    record Result(String kind, String method, String org, String from, String to, List<Rankings.Line> rows) {
    }
}
