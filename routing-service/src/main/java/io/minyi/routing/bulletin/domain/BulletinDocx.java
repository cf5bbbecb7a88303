package io.minyi.routing.bulletin.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A bulletin issue as a Word document (Office Open XML, A4), laid out like the printed 专报: the red
 * masthead and issue line, the editing office and date over a red rule, then each report with its
 * centred title, its text in 仿宋 with two-character first-line indents, and who reported it.
 */
public final class BulletinDocx {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String HEADING_FONT = "黑体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String RED = "E60012";

    public static byte[] of(Bulletin bulletin, LocalDate date) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                    </Relationships>""");
            entry(zip, "word/document.xml", document(bulletin, date));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String document(Bulletin b, LocalDate date) {
        StringBuilder body = new StringBuilder();
        body.append(paragraph("社情民意信息专报", TITLE_FONT, 72, true, RED, "center", false, null));
        body.append(paragraph(b.year() + "年第" + b.number() + "期", BODY_FONT, 32, false, null, "center", false, null));
        body.append(paragraph(b.office() + "编　　　　" + date.getYear() + "年" + date.getMonthValue() + "月"
                + date.getDayOfMonth() + "日", BODY_FONT, 32, false, null, "center", false, RED));
        for (Bulletin.Item item : b.items()) {
            body.append(paragraph(item.title(), TITLE_FONT, 44, false, null, "center", false, null));
            for (String text : item.body().split("\\R+")) {
                if (!text.isBlank()) {
                    body.append(paragraph(text.strip(), BODY_FONT, 32, false, null, "both", true, null));
                }
            }
            body.append(paragraph("（" + item.authorName() + " 反映）", HEADING_FONT, 28, false, null, "right", false,
                    null));
        }
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"""
                + body + """
                <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" \
                w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>""";
    }

    /** One paragraph; sizes in half-points (32 = 三号, 44 = 二号, 72 = 初号 minus a little). */
    private static String paragraph(String text, String font, int halfPoints, boolean bold, String color, String align,
                                    boolean indent, String ruleColor) {
        StringBuilder p = new StringBuilder("<w:p><w:pPr>");
        if (ruleColor != null) {
            p.append("<w:pBdr><w:bottom w:val=\"single\" w:sz=\"18\" w:space=\"4\" w:color=\"").append(ruleColor)
                    .append("\"/></w:pBdr>");
        }
        p.append("<w:spacing w:line=\"560\" w:lineRule=\"exact\"/>");
        if (indent) {
            p.append("<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>");
        }
        p.append("<w:jc w:val=\"").append(align).append("\"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"").append(font)
                .append("\" w:eastAsia=\"").append(font).append("\" w:hAnsi=\"").append(font).append("\"/>");
        if (bold) {
            p.append("<w:b/>");
        }
        if (color != null) {
            p.append("<w:color w:val=\"").append(color).append("\"/>");
        }
        p.append("<w:sz w:val=\"").append(halfPoints).append("\"/><w:szCs w:val=\"").append(halfPoints)
                .append("\"/></w:rPr><w:t xml:space=\"preserve\">").append(escape(text)).append("</w:t></w:r></w:p>");
        return p.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    // characters XML 1.0 does not allow are dropped
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private BulletinDocx() {
    }
}
