package io.minyi.feedback.notification.sms;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Date;

/** The hourly allowance per number, counted in MongoDB so that every instance shares it. */
public class MongoAllowance implements SmsChannel.Allowance {

    static final String COLLECTION = "sms_allowance";

    private final MongoTemplate mongo;
    private final int perHour;

    public MongoAllowance(MongoTemplate mongo, int perHour) {
        this.mongo = mongo;
        this.perHour = perHour;
    }

    @Override
    public boolean take(String mobile, Instant hour) {
        Document d = mongo.findAndModify(Query.query(Criteria.where("_id").is(mobile + "|" + hour)),
                new Update().inc("count", 1).setOnInsert("hour", Date.from(hour)),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return d != null && ((Number) d.get("count")).intValue() <= perHour;
    }
}
