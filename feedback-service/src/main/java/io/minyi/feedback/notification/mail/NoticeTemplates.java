package io.minyi.feedback.notification.mail;

import io.minyi.support.web.ApiProblem;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail wording an administrator sets per kind of notice, in effect at the next mail (no restart): a
 * subject and a text with the placeholders {标题}, {内容} and {链接}; the HTML part lays the text out in the
 * platform's own frame, so nobody writes HTML. Without one, the shipped templates apply.
 */
public class NoticeTemplates {

    static final String COLLECTION = "notice_templates";
    /** The kinds of notice and their names. */
    public static final Map<String, String> KINDS;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final java.util.Set<String> KNOWN = java.util.Set.of("标题", "内容", "链接");

    static {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("assigned", "新交办");
        k.put("due-soon", "即将到期");
        k.put("overdue", "逾期催办");
        k.put("urged", "办公室催办");
        k.put("escalated", "督办");
        k.put("reply-returned", "答复被退回");
        k.put("extension-decided", "延期审批结果");
        k.put("reopened", "重新办理");
        k.put("deadline-recomputed", "办理期限调整");
        k.put("returned", "信息被退回修改");
        k.put("signed-off", "信息已签发");
        k.put("rejected", "信息不予采用");
        k.put("merged", "信息已合并办理");
        k.put("closed", "信息已办结");
        k.put("reopen-decided", "重新办理申请结果");
        KINDS = java.util.Collections.unmodifiableMap(k);
    }

    private final MongoTemplate mongo;

    public NoticeTemplates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record Template(String kind, String label, String subject, String text, boolean custom, String updatedBy,
                           Instant updatedAt) {
    }

    private record Cached(Optional<Template> template, long at) {
    }

    private static final long KEEP_NANOS = 5_000_000_000L;
    private final Map<String, Cached> forMail = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The administrator's wording of a kind for the next mail: read at most every 5 s (another instance's edit
     * is in effect within that), at once after an edit through this instance.
     */
    public Optional<Template> forMail(String kind) {
        Cached c = forMail.get(kind);
        if (c == null || System.nanoTime() - c.at() > KEEP_NANOS) {
            c = new Cached(custom(kind), System.nanoTime());
            forMail.put(kind, c);
        }
        return c.template();
    }

    public Optional<Template> custom(String kind) {
        Document d = mongo.findById(kind, Document.class, COLLECTION);
        return Optional.ofNullable(d).map(t -> new Template(kind, KINDS.getOrDefault(kind, kind), t.getString("subject"),
                t.getString("text"), true, t.getString("updatedBy"), t.getDate("updatedAt").toInstant()));
    }

    public Template save(String kind, String subject, String text, String by, Instant at) {
        if (!KINDS.containsKey(kind)) {
            throw ApiProblem.notFound("通知类型", kind);
        }
        check("subject", "主题", subject, 200);
        check("text", "正文", text, 2000);
        mongo.upsert(Query.query(Criteria.where("_id").is(kind)), new Update().set("subject", subject.strip())
                .set("text", text.strip()).set("updatedBy", by).set("updatedAt", Date.from(at)), COLLECTION);
        forMail.remove(kind);
        return custom(kind).orElseThrow();
    }

    public boolean reset(String kind) {
        forMail.remove(kind);
        return mongo.remove(Query.query(Criteria.where("_id").is(kind)), COLLECTION).getDeletedCount() == 1;
    }

    /** The text with its placeholders filled in. */
    public static String fill(String template, String title, String text, String link) {
        return template.replace("{标题}", title).replace("{内容}", text).replace("{链接}", link);
    }

    private static void check(String field, String label, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-" + field, label + "须为 1–" + max + " 个字。",
                    "The " + field + " must be 1 to " + max + " characters.").with("field", field);
        }
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-placeholder", "没有这个占位符：{" + m.group(1)
                        + "}。可用：{标题}、{内容}、{链接}。", "No such placeholder: {" + m.group(1) + "}.")
                        .with("field", field);
            }
        }
    }
}
