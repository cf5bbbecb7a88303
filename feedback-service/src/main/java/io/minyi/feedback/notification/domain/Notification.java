package io.minyi.feedback.notification.domain;

import java.time.Instant;

/**
 * A message to one person about one report (退回修改, 已签发, 采纳结果, 已办结 …). The recipient is an
 * account ({@code u:<subject>}), a department ({@code d:<code>}) or, for co-authors known only by name,
 * that name at the report's body ({@code n:<body>:<name>}).
 */
public record Notification(String id, String recipient, String reportId, String kind, String title, String text,
                           Instant at, boolean read) {

    public static String account(String subject) {
        return "u:" + subject;
    }

    public static String named(String body, String name) {
        return "n:" + body + ":" + name;
    }

    /** The office (the editors) of a body: every editor of it sees the notice. */
    public static String office(String body) {
        return "o:" + body;
    }

    /** The leaders of a body: every leader of it sees the notice. */
    public static String leaders(String body) {
        return "l:" + body;
    }

    /** A department (承办单位) by its registry code: every handler of it sees the notice. */
    public static String department(String code) {
        return "d:" + code;
    }
}
