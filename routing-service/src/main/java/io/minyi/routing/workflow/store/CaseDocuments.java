package io.minyi.routing.workflow.store;

import io.minyi.contracts.Actor;
import io.minyi.contracts.FileRef;
import io.minyi.contracts.LeaderLevel;
import io.minyi.contracts.ReportInstructed;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.Outcome;
import io.minyi.routing.workflow.domain.Content;
import io.minyi.routing.workflow.domain.Instruction;
import io.minyi.routing.workflow.domain.LevelResult;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.domain.Revision;
import io.minyi.contracts.ReportStatus;
import org.bson.Document;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/** A case, its content and its revisions as MongoDB documents; enums by their wire names. */
final class CaseDocuments {

    /** Every field of the case but its id and revisions. */
    static Document fields(ReportCase c) {
        ReportCase.Assignment a = c.assignment();
        return new Document("org", c.org().value())
                .append("author", actor(c.author()))
                .append("coAuthors", c.coAuthors())
                .append("content", content(c.content()))
                .append("revision", c.revision())
                .append("status", c.status().wireName())
                .append("version", c.version())
                .append("assignment", a == null ? null : new Document("department", a.department())
                        .append("coHandlers", a.coHandlers())
                        .append("deadline", a.deadline() == null ? null : a.deadline().toString())
                        .append("response", a.response())
                        .append("extension", a.extension() == null ? null : new Document("deadline",
                                a.extension().deadline().toString()).append("reason", a.extension().reason())
                                .append("requestedAt", Date.from(a.extension().requestedAt())))
                        .append("term", a.term() == null ? null : new Document("from", a.term().from().toString())
                                .append("workingDays", a.term().workingDays())))
                .append("outcome", c.outcome() == null ? null : c.outcome().name())
                .append("submittedAt", Date.from(c.submittedAt()))
                .append("level", c.level().value())
                .append("trail", c.trail().stream().map(t -> new Document("org", t.org().value())
                        .append("status", t.status().wireName())
                        .append("outcome", t.outcome() == null ? null : t.outcome().name())
                        .append("forwardedAt", Date.from(t.forwardedAt()))).toList());
    }

    static ReportCase toCase(Document d) {
        Document a = d.get("assignment", Document.class);
        String outcome = d.getString("outcome");
        return new ReportCase(d.getString("_id"), OrgPath.of(d.getString("org")), toActor(d.get("author", Document.class)),
                d.getList("coAuthors", String.class), toContent(d.get("content", Document.class)),
                d.getInteger("revision", 1), ReportStatus.fromWireName(d.getString("status")),
                ((Number) d.get("version")).longValue(),
                a == null ? null : new ReportCase.Assignment(a.getString("department"),
                        a.getList("coHandlers", String.class, List.of()),
                        a.getString("deadline") == null ? null : LocalDate.parse(a.getString("deadline")),
                        a.getString("response"), extension(a.get("extension", Document.class)),
                        term(a.get("term", Document.class))),
                outcome == null ? null : Outcome.valueOf(outcome),
                d.getDate("submittedAt") == null ? java.time.Instant.EPOCH : d.getDate("submittedAt").toInstant(),
                d.getString("level") == null ? null : OrgPath.of(d.getString("level")),
                d.getList("trail", Document.class, List.of()).stream().map(t -> new LevelResult(
                        OrgPath.of(t.getString("org")), ReportStatus.fromWireName(t.getString("status")),
                        t.getString("outcome") == null ? null : Outcome.valueOf(t.getString("outcome")),
                        t.getDate("forwardedAt").toInstant())).toList());
    }

    private static ReportCase.Extension extension(Document e) {
        return e == null ? null : new ReportCase.Extension(LocalDate.parse(e.getString("deadline")),
                e.getString("reason"), e.getDate("requestedAt").toInstant());
    }

    private static ReportCase.Term term(Document t) {
        return t == null ? null : new ReportCase.Term(LocalDate.parse(t.getString("from")), t.getInteger("workingDays"));
    }

    static Document revision(Revision r) {
        return new Document("number", r.number()).append("at", Date.from(r.at())).append("by", actor(r.by()))
                .append("kind", r.kind().name()).append("content", content(r.content())).append("note", r.note());
    }

    static Revision toRevision(Document d) {
        return new Revision(d.getInteger("number"), d.getDate("at").toInstant(), toActor(d.get("by", Document.class)),
                Revision.Kind.valueOf(d.getString("kind")), toContent(d.get("content", Document.class)),
                d.getString("note"));
    }

    static Document instruction(ReportInstructed i) {
        return new Document("by", actor(i.actor())).append("rank", i.rank()).append("text", i.text())
                .append("ordersAssignment", i.ordersAssignment()).append("at", Date.from(i.occurredAt()))
                .append("leaderName", i.leaderName())
                .append("leaderLevel", i.leaderLevel() == null ? null : i.leaderLevel().wireName())
                .append("givenOn", i.givenOn() == null ? null : i.givenOn().toString()).append("recorded", i.recorded())
                .append("scan", i.scan() == null ? null : new Document("id", i.scan().id()).append("name", i.scan().name())
                        .append("contentType", i.scan().contentType()).append("size", i.scan().size())
                        .append("sha256", i.scan().sha256()));
    }

    static Instruction toInstruction(Document i) {
        Document scan = i.get("scan", Document.class);
        String level = i.getString("leaderLevel");
        String givenOn = i.getString("givenOn");
        return new Instruction(toActor(i.get("by", Document.class)), i.getString("rank"), i.getString("text"),
                i.getBoolean("ordersAssignment", false), i.getDate("at").toInstant(), i.getString("leaderName"),
                level == null ? null : LeaderLevel.fromWireName(level), givenOn == null ? null : LocalDate.parse(givenOn),
                i.getBoolean("recorded", false), scan == null ? null : new FileRef(scan.getString("id"),
                scan.getString("name"), scan.getString("contentType"), ((Number) scan.get("size")).longValue(),
                scan.getString("sha256")));
    }

    static Document actor(Actor a) {
        return new Document("id", a.id()).append("name", a.name()).append("role", a.role());
    }

    static Actor toActor(Document d) {
        return new Actor(d.getString("id"), d.getString("name"), d.getString("role"));
    }

    private static Document content(Content c) {
        return new Document("title", c.title()).append("body", c.body()).append("topic", c.topic())
                .append("sector", c.sector()).append("urgency", c.urgency());
    }

    private static Content toContent(Document d) {
        return new Content(d.getString("title"), d.getString("body"), d.getString("topic"), d.getString("sector"),
                d.getString("urgency"));
    }

    static List<Revision> revisions(Document d) {
        return d.getList("revisions", Document.class, List.of()).stream().map(CaseDocuments::toRevision).toList();
    }

    private CaseDocuments() {
    }
}
