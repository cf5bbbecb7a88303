package io.minyi.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Generated bad requests, every one wrong in at least one way a service must refuse: broken or
 * truncated JSON, wrong types, oversized fields and bodies, MongoDB operators in place of values,
 * script tags and path traversal riding along, bytes that are not UTF-8, bad query parameters and
 * attachment names. Seeded, so a failure can be replayed.
 */
final class Malformed {

    /** One request: who sends it (a demo account), method, path, content type and body. */
    record Request(String kind, String caller, String method, String path, String contentType, byte[] body) {
    }

    private static final String[] INJECTIONS = {"{\"$gt\":\"\"}", "{\"$where\":\"sleep(1000)\"}", "{\"$ne\":null}",
            "[\"$regex\",\".*\"]", "{\"$expr\":{\"$eq\":[1,1]}}"};
    private static final String[] STRINGS = {"<script>alert(1)</script>", "../../etc/passwd", "'; db.dropDatabase(); //",
            "${jndi:ldap://x/a}", "%00", "\\u0000", "..\\\\..\\\\windows\\\\win.ini", "{{7*7}}"};

    private final Random random;
    private final String reportId;
    private final String assignedId;

    Malformed(long seed, String reportId, String assignedId) {
        this.random = new Random(seed);
        this.reportId = reportId;
        this.assignedId = assignedId;
    }

    private final List<Function<Malformed, Request>> generators = List.of(
            Malformed::report, Malformed::draft, Malformed::transition, Malformed::reference, Malformed::attachment,
            Malformed::query, Malformed::answer, Malformed::rule);

    Request next() {
        return generators.get(random.nextInt(generators.size())).apply(this);
    }

    /** A report submission that breaks a rule: no valid title and body together. */
    private Request report() {
        String body = switch (random.nextInt(8)) {
            case 0 -> truncated("{\"title\":\"" + any() + "\",\"body\":\"" + any() + "\"}");
            case 1 -> "{\"title\":" + INJECTIONS[random.nextInt(INJECTIONS.length)] + ",\"body\":\"正文\"}";
            case 2 -> "{\"title\":\"标题\",\"body\":" + INJECTIONS[random.nextInt(INJECTIONS.length)] + "}";
            case 3 -> "{\"title\":\"" + "长".repeat(101 + random.nextInt(2000)) + "\",\"body\":\"" + any() + "\"}";
            case 4 -> "{\"title\":\"" + any() + "\",\"body\":\"" + "长".repeat(5001 + random.nextInt(5000)) + "\"}";
            case 5 -> "{\"title\":" + random.nextInt() + ",\"body\":[" + random.nextInt() + "]}";
            case 6 -> "{\"title\":\"" + any() + "\",\"body\":\"正文\",\"channel\":\"visit\",\"constituents\":\"" + any() + "\"}";
            default -> "{\"title\":\"" + any() + "\"}";
        };
        return json("report", "member-district", "POST", "/api/reports", random.nextInt(10) == 0 ? notUtf8(body) : bytes(body));
    }

    private Request draft() {
        String body = switch (random.nextInt(4)) {
            case 0 -> truncated("{\"title\":\"" + any() + "\"}");
            case 1 -> "{\"title\":" + INJECTIONS[random.nextInt(INJECTIONS.length)] + "}";
            case 2 -> "{\"title\":\"" + "长".repeat(101 + random.nextInt(500)) + "\"}";
            default -> "{\"coAuthors\":" + (random.nextBoolean() ? "\"" + any() + "\"" : "[" + "\"x\",".repeat(11) + "\"x\"]") + "}";
        };
        return json("draft", "member-district", "POST", "/api/drafts", bytes(body));
    }

    private Request transition() {
        String body = switch (random.nextInt(5)) {
            case 0 -> "{\"action\":\"" + any() + "\"}";
            case 1 -> "{\"action\":" + INJECTIONS[random.nextInt(INJECTIONS.length)] + "}";
            case 2 -> "{\"action\":\"merge\",\"into\":" + INJECTIONS[random.nextInt(INJECTIONS.length)] + "}";
            case 3 -> "{\"action\":\"edit\",\"title\":\"" + "长".repeat(101 + random.nextInt(300)) + "\"}";
            default -> truncated("{\"action\":\"assign\",\"department\":\"" + any() + "\"}");
        };
        return json("transition", "editor-district", "POST", "/api/reports/" + reportId + "/transitions", bytes(body));
    }

    private Request reference() {
        String code = random.nextBoolean() ? STRINGS[random.nextInt(STRINGS.length)] : "x".repeat(65 + random.nextInt(100));
        String body = random.nextBoolean() ? "{\"name\":\"" + "名".repeat(51 + random.nextInt(100)) + "\"}"
                : "{\"name\":" + INJECTIONS[random.nextInt(INJECTIONS.length)] + "}";
        String path = random.nextBoolean() ? "/api/reference/topics/" + encode(code) : "/api/reference/topics/water";
        return json("reference", "admin", "PUT", path, bytes(random.nextInt(4) == 0 ? truncated(body) : body));
    }

    private Request attachment() {
        String name = STRINGS[random.nextInt(STRINGS.length)] + (random.nextBoolean() ? ".pdf" : ".exe");
        byte[] content = new byte[random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(4000)];
        random.nextBytes(content);
        String boundary = "fuzz" + random.nextInt(1_000_000);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        if (random.nextInt(5) == 0) {
            body = java.util.Arrays.copyOf(body, body.length / 2); // cut off mid-part
        }
        return new Request("attachment", "member-district", "POST", "/api/reports/" + reportId + "/attachments",
                "multipart/form-data; boundary=" + boundary, body);
    }

    private Request query() {
        String[] paths = {"/api/reports?scope=mine&page=" + (random.nextBoolean() ? "-1" : encode(any())),
                "/api/reports?scope=mine&size=" + (101 + random.nextInt(100_000)),
                "/api/reports?scope=" + encode(any()), "/api/reports?scope=mine&from=" + encode(any()),
                "/api/reports?scope=mine&topic=" + encode(INJECTIONS[random.nextInt(INJECTIONS.length)]),
                "/api/reports?scope=mine&q=" + encode("一 二 三 四 五 六 七"),
                "/api/drafts?size=0", "/api/notifications?page=" + encode(any()),
                "/api/reports/" + encode(STRINGS[random.nextInt(STRINGS.length)]),
                "/api/stats/members/me?year=" + encode(any())};
        return new Request("query", "member-district", "GET", paths[random.nextInt(paths.length)], null, null);
    }

    private Request answer() {
        String body = switch (random.nextInt(4)) {
            case 0 -> "{\"response\":" + INJECTIONS[random.nextInt(INJECTIONS.length)] + "}";
            case 1 -> "{\"response\":\"\"}";
            case 2 -> "{\"deadline\":\"" + any() + "\",\"reason\":\"延期\"}";
            default -> truncated("{\"response\":\"" + any() + "\"}");
        };
        String action = switch (random.nextInt(3)) {
            case 0 -> "response";
            case 1 -> "extension";
            default -> "notes";
        };
        String sent = action.equals("notes") ? "{\"text\":" + (random.nextBoolean() ? "\"\"" : INJECTIONS[0]) + "}" : body;
        return json("answer", "dept-longhua-housing", "POST", "/api/inbox/" + assignedId + "/" + action, bytes(sent));
    }

    private Request rule() {
        String body = random.nextBoolean()
                ? "{\"topic\":" + INJECTIONS[random.nextInt(INJECTIONS.length)] + ",\"department\":\"x\"}"
                : "{\"topic\":\"*\",\"department\":\"" + STRINGS[random.nextInt(STRINGS.length)] + "\"}";
        return json("rule", "editor-district", "PUT", "/api/assignment-rules", bytes(body));
    }

    private static Request json(String kind, String caller, String method, String path, byte[] body) {
        return new Request(kind, caller, method, path, "application/json", body);
    }

    private String any() {
        return STRINGS[random.nextInt(STRINGS.length)].replace("\"", "");
    }

    private String truncated(String json) {
        return json.substring(0, 1 + random.nextInt(json.length() - 1));
    }

    private byte[] notUtf8(String json) {
        byte[] b = bytes(json);
        int at = Math.min(b.length - 1, 10 + random.nextInt(Math.max(1, b.length - 10)));
        b[at] = (byte) 0xC3; // a lead byte
        if (at + 1 < b.length) {
            b[at + 1] = (byte) 0x28; // not a continuation byte
        }
        return b;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
