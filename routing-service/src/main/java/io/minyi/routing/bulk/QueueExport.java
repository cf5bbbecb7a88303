package io.minyi.routing.bulk;

import io.minyi.routing.workflow.domain.ReportCase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The chosen reports of a queue as CSV (Apache Commons CSV, RFC 4180) in UTF-8 with a byte-order mark, so
 * that spreadsheet programs read the Chinese; a cell a spreadsheet would take for a formula starts with an
 * apostrophe.
 */
public final class QueueExport {

    static final List<String> HEADERS = List.of("信息编号", "标题", "作者", "所属政协", "专题", "紧急程度", "状态",
            "提交时间", "承办单位", "会办单位", "办理期限");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ReportCase.ZONE);

    private QueueExport() {
    }

    /** {@code department} names a department by its code, {@code reference} a code of a list (topics, orgs). */
    public static byte[] csv(List<ReportCase> cases, UnaryOperator<String> department, BinaryOperator<String> reference) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(HEADERS.toArray(String[]::new)).get())) {
            for (ReportCase c : cases) {
                var a = c.assignment();
                printer.printRecord(c.id(), safe(c.title()), safe(c.author().name()), reference.apply("orgs", c.org().value()),
                        c.content().topic() == null ? "" : safe(reference.apply("topics", c.content().topic())), urgency(c.content().urgency()), c.status().label(),
                        c.submittedAt() == null ? "" : TIME.format(c.submittedAt()),
                        a == null ? "" : safe(department.apply(a.department())),
                        a == null ? "" : safe(String.join("、", a.coHandlers().stream().map(department).toList())),
                        a == null || a.deadline() == null ? "" : a.deadline().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Text a spreadsheet would evaluate (=, +, -, @, tab, carriage return first) is kept as text. */
    static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static String urgency(String u) {
        return switch (u == null ? "normal" : u) {
            case "very-urgent" -> "特急";
            case "urgent" -> "紧急";
            default -> "一般";
        };
    }
}
