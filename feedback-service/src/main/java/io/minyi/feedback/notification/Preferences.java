package io.minyi.feedback.notification;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

/**
 * Each person's choice of channels besides the app (which always shows every notice): e-mail and SMS (for
 * the urgent kinds), both on until they turn one off, and e-mail as one daily digest instead of a mail per
 * notice. Departments are reached at their registry contact.
 */
@Component
public class Preferences {

    static final String COLLECTION = "notify_preferences";

    private final MongoTemplate mongo;

    Preferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** {@code digest}: e-mail once a day (每日摘要, 08:00 China time) instead of one mail per notice. */
    public record Choice(boolean email, boolean sms, boolean digest) {
        static final Choice DEFAULT = new Choice(true, true, false);

        boolean allows(String channel) {
            return switch (channel) {
                case "email" -> email;
                case "sms" -> sms;
                default -> true;
            };
        }
    }

    public Choice of(String recipient) {
        Document d = mongo.findById(recipient, Document.class, COLLECTION);
        return d == null ? Choice.DEFAULT : new Choice(!Boolean.FALSE.equals(d.getBoolean("email")),
                !Boolean.FALSE.equals(d.getBoolean("sms")), Boolean.TRUE.equals(d.getBoolean("digest")));
    }

    /** Whether {@code recipient} takes notices on {@code channel}. */
    public boolean allows(String recipient, String channel) {
        return !recipient.startsWith("u:") || of(recipient).allows(channel);
    }

    /** Whether {@code recipient} (a person) takes e-mail as the daily digest. */
    public boolean digest(String recipient) {
        return recipient.startsWith("u:") && of(recipient).digest();
    }

    Choice save(String recipient, Choice choice, Instant at) {
        mongo.upsert(Query.query(Criteria.where("_id").is(recipient)), new Update().set("email", choice.email())
                .set("sms", choice.sms()).set("digest", choice.digest()).set("updatedAt", Date.from(at)), COLLECTION);
        return choice;
    }
}
