package io.minyi.stats.ledger;

import io.minyi.stats.projection.domain.FactView;
import io.minyi.stats.projection.domain.ReportFact;
import io.minyi.stats.projection.messaging.Generations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The report facts of the active generation, filtered for the 台账 and read with a cursor, oldest first. */
@Component
class LedgerStore {

    private final MongoTemplate mongo;
    private final IntSupplier activeGeneration;

    @Autowired
    LedgerStore(MongoTemplate mongo, Generations generations) {
        this(mongo, generations::active);
    }

    LedgerStore(MongoTemplate mongo, IntSupplier activeGeneration) {
        this.mongo = mongo;
        this.activeGeneration = activeGeneration;
    }

    long count(LedgerFilter filter) {
        return mongo.count(query(filter), Generations.facts(activeGeneration.getAsInt()));
    }

    /** The reports matching the filter, as a stream over a cursor: close it. */
    Stream<FactView> stream(LedgerFilter filter) {
        Query query = query(filter).with(Sort.by("submittedAt", "_id"));
        query.fields().include("org", "title", "authorName", "coAuthors", "channel", "station", "topic", "sector",
                "submittedAt", "signedOffAt", "forwardedUpAt", "instructions", "assignedAt", "department", "deadline",
                "respondedAt", "answeredAt", "letterNo", "closedAt", "lastClosedAt", "reopenedAt", "outcome", "adoptionLevel",
                "ratings", "withdrawnAt", "rejectedAt", "mergedAt");
        query.cursorBatchSize(1000);
        return mongo.stream(query, ReportFact.class, Generations.facts(activeGeneration.getAsInt())).map(ReportFact::view)
                .filter(f -> filter.stage() == null || filter.stage().equals(f.status()));
    }

    private static Query query(LedgerFilter f) {
        String org = f.org().value();
        Criteria c = new Criteria().orOperator(Criteria.where("org").is(org),
                Criteria.where("org").regex("^" + Pattern.quote(org + "/")));
        c = c.and("submittedAt").gte(Date.from(f.from().atStartOfDay(ReportFact.ZONE).toInstant()))
                .lt(Date.from(f.to().plusDays(1).atStartOfDay(ReportFact.ZONE).toInstant()));
        Query query = Query.query(c);
        equal(query, "topic", f.topic());
        equal(query, "sector", f.sector());
        equal(query, "station", f.station());
        equal(query, "channel", f.channel());
        equal(query, "department", f.department());
        return query;
    }

    private static void equal(Query query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.addCriteria(Criteria.where(field).is(value));
        }
    }
}
