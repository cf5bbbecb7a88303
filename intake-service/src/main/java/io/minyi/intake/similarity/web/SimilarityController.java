package io.minyi.intake.similarity.web;

import io.minyi.intake.report.ReportAccess;
import io.minyi.intake.report.domain.Report;
import io.minyi.intake.similarity.SimilarityIndex;
import io.minyi.intake.similarity.passages.OverlappingPassages;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The office's view of near-duplicates: a report's candidates, and what two reports have in common. */
@RestController
class SimilarityController {

    private final ReportAccess access;
    private final SimilarityIndex index;
    private final OverlappingPassages passages = new OverlappingPassages();

    SimilarityController(ReportAccess access, SimilarityIndex index) {
        this.access = access;
        this.index = index;
    }

    record SimilarView(String reportId, String org, String title, double score, String verdict, String verdictLabel) {
    }

    /**
     * The recent reports of the city tree that may be the same matter, best first, only of bodies the
     * caller sees. Empty until the similarity projection has embedded the report (seconds after it was
     * submitted or edited).
     */
    @GetMapping("/api/reports/{id}/similar")
    List<SimilarView> similar(@PathVariable String id, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        Report report = access.readable(id, caller);
        return index.similar(report.id(), report.org()).stream().filter(c -> caller.sees(c.org()))
                .map(c -> new SimilarView(c.reportId(), c.org().value(), c.title(), Math.round(c.score() * 1000) / 1000.0,
                        c.verdict().wireName(), c.verdict().label()))
                .toList();
    }

    record Side(String id, String title, String text, List<OverlappingPassages.Passage> passages) {
    }

    record PassagesView(Side report, Side other, List<String> sharedWords) {
    }

    /** Both texts cut into sentences, the sentences they share numbered in pairs, and the shared words. */
    @GetMapping("/api/reports/{id}/similar/{other}")
    PassagesView passages(@PathVariable String id, @PathVariable String other, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        if (id.equals(other)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "same-report", "不能与自身比较。", "A report is not compared with itself.");
        }
        Report a = access.readable(id, caller);
        Report b = access.readable(other, caller);
        String left = a.title() + "\n" + a.body();
        String right = b.title() + "\n" + b.body();
        var comparison = passages.compare(left, right);
        return new PassagesView(new Side(a.id(), a.title(), left, comparison.left()),
                new Side(b.id(), b.title(), right, comparison.right()), comparison.sharedWords());
    }
}
