package io.minyi.intake.reference;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.WireNamed;
import io.minyi.contracts.reference.CalendarChanged;
import io.minyi.contracts.reference.ReferenceChanged;
import io.minyi.contracts.reference.ReferenceEvent;
import io.minyi.intake.reference.domain.CalendarYear;
import io.minyi.intake.reference.domain.DepartmentInfo;
import io.minyi.intake.reference.domain.ReferenceEntry;
import io.minyi.intake.reference.domain.ReferenceKind;
import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.PendingEvent;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * Reference entries and calendar years in MongoDB, one document each, keyed {@code <list>:<code>}
 * (the key of their events). Every change raises the document's {@code revision} and puts its
 * {@link ReferenceEvent} into the document's outbox in the same update; the relay publishes it.
 */
@Component
class ReferenceStore {

    static final String COLLECTION = "reference";
    static final String CALENDAR = "calendar";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    ReferenceStore(MongoTemplate mongo, @Qualifier("referenceOutbox") OutboxRelay referenceOutbox) {
        this.mongo = mongo;
        this.relay = referenceOutbox;
    }

    List<ReferenceEntry> all() {
        return mongo.find(Query.query(Criteria.where("kind").ne(CALENDAR)), Document.class, COLLECTION).stream()
                .map(ReferenceStore::toEntry).toList();
    }

    List<CalendarYear> calendarYears() {
        return mongo.find(Query.query(Criteria.where("kind").is(CALENDAR)), Document.class, COLLECTION).stream()
                .map(ReferenceStore::toYear).toList();
    }

    /** Entries stored before changes were published (no revision yet). */
    List<ReferenceEntry> unpublished() {
        return mongo.find(Query.query(Criteria.where("revision").exists(false)), Document.class, COLLECTION).stream()
                .filter(d -> !CALENDAR.equals(d.getString("kind"))).map(ReferenceStore::toEntry).toList();
    }

    /** Writes the entry and its change event; {@code onlyIfNew} leaves an existing entry as it is (seeding). */
    void save(ReferenceEntry e, String by, Instant at, boolean onlyIfNew) {
        String id = e.kind().wireName() + ":" + e.code();
        Document fields = new Document("kind", e.kind().wireName()).append("code", e.code()).append("name", e.name())
                .append("org", e.org() == null ? null : e.org().value()).append("active", e.active())
                .append("levelNames", e.levelNames()).append("department", department(e.department()));
        write(id, fields, by, at, onlyIfNew, revision -> new ReferenceChanged(UUID.randomUUID(), at, by, revision,
                e.kind().wireName(), e.code(), e.name(), e.org() == null ? null : e.org().value(), e.active(),
                e.levelNames(), e.department() == null ? null : new ReferenceChanged.Department(
                e.department().shortName(), e.department().kind(), e.department().contactPerson(),
                e.department().phone(), e.department().email())));
    }

    void save(CalendarYear y, String by, Instant at, boolean onlyIfNew) {
        Document fields = new Document("kind", CALENDAR).append("year", y.year())
                .append("holidays", y.holidays().stream().map(LocalDate::toString).toList())
                .append("workingWeekends", y.workingWeekends().stream().map(LocalDate::toString).toList())
                .append("source", y.source());
        write(CALENDAR + ":" + y.year(), fields, by, at, onlyIfNew, revision -> new CalendarChanged(
                UUID.randomUUID(), at, by, revision, y.year(), y.holidays(), y.workingWeekends(), y.source()));
    }

    /** Optimistic: the next revision is written only over the one read; a concurrent change makes it try again. */
    private void write(String id, Document fields, String by, Instant at, boolean onlyIfNew,
                       LongFunction<ReferenceEvent> event) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Document current = mongo.findById(id, Document.class, COLLECTION);
            if (current != null && onlyIfNew) {
                return;
            }
            Number stored = current == null ? null : current.get("revision", Number.class);
            long revision = stored == null ? 0 : stored.longValue();
            PendingEvent pending = PendingEvent.of(event.apply(revision + 1));
            Document set = new Document(fields).append("revision", revision + 1).append("updatedBy", by)
                    .append("updatedAt", Date.from(at));
            try {
                if (current == null) {
                    mongo.insert(new Document(set).append("_id", id).append("outbox", List.of(pending.toDocument())),
                            COLLECTION);
                } else {
                    Update update = new Update();
                    set.forEach(update::set);
                    Criteria expected = stored == null ? Criteria.where("revision").exists(false)
                            : Criteria.where("revision").is(revision);
                    if (mongo.updateFirst(Query.query(Criteria.where("_id").is(id)).addCriteria(expected),
                            OutboxRelay.enqueue(update, pending), COLLECTION).getModifiedCount() == 0) {
                        continue;
                    }
                }
                relay.wake(id);
                return;
            } catch (DuplicateKeyException raced) {
                if (onlyIfNew) {
                    return;
                }
            }
        }
        throw new IllegalStateException("reference entry " + id + " changed concurrently ten times");
    }

    private static Document department(DepartmentInfo d) {
        return d == null ? null : new Document("shortName", d.shortName()).append("kind", d.kind())
                .append("contactPerson", d.contactPerson()).append("phone", d.phone()).append("email", d.email());
    }

    private static ReferenceEntry toEntry(Document d) {
        String org = d.getString("org");
        Document dep = d.get("department", Document.class);
        return new ReferenceEntry(WireNamed.fromWireName(ReferenceKind.class, d.getString("kind")), d.getString("code"),
                d.getString("name"), org == null ? null : OrgPath.of(org), d.getBoolean("active", true),
                d.getList("levelNames", String.class, List.of()),
                dep == null ? null : new DepartmentInfo(dep.getString("shortName"), dep.getString("kind"),
                        dep.getString("contactPerson"), dep.getString("phone"), dep.getString("email")));
    }

    private static CalendarYear toYear(Document d) {
        return new CalendarYear(d.getInteger("year"), dates(d, "holidays"), dates(d, "workingWeekends"),
                d.getString("source"));
    }

    private static List<LocalDate> dates(Document d, String field) {
        return d.getList(field, String.class, List.of()).stream().map(LocalDate::parse).toList();
    }
}
