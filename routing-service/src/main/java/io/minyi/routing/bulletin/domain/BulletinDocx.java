package io.minyi.routing.bulletin.domain;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STXAlign;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STYAlign;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHAnchor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVAnchor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A bulletin issue as a Word document in the layout of GB/T 9704-2012 (党政机关公文格式), written with
 * Apache POI: A4 with the standard's margins (版心 156 × 225 mm, 22 lines of 28 characters); the red
 * 版头 — 《社情民意信息专报》 in 小标宋, the issue, 签发人, the editing office and the date over a red
 * separator; each report's title in 小标宋 二号, its text in 仿宋 三号 with two-character indents and
 * everyone credited with it; the 版记 (报送, 抄送, 印发 with the date, between black rules) at the foot of
 * the last page; page numbers "— 1 —" in 四号 宋体, odd pages right and even pages left.
 * <p>
 * Fonts are named as Chinese offices have them in Word (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 宋体);
 * where they are missing (the server's PDF rendering) fontconfig maps them to Noto CJK.
 */
public final class BulletinDocx {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String BYLINE_FONT = "楷体_GB2312";
    static final String NUMBER_FONT = "宋体";
    static final String RED = "E60012";
    /** 版心 width, 156 mm in twips. */
    static final int TEXT_WIDTH = 8844;
    /**
     * The 版记's width: LibreOffice keeps a floating table as wide as the 版心 in the text flow (and so not at
     * the foot of the page), so it is 150 mm, centred.
     */
    static final int COLOPHON_WIDTH = 8500;
    /** 22 lines on a 225 mm 版心: 28.95 pt a line. */
    static final double LINE = 28.95;
    static final double SIZE_MASTHEAD = 42;   // 初号
    static final double SIZE_TITLE = 22;      // 二号
    static final double SIZE_TEXT = 16;       // 三号
    static final double SIZE_SMALL = 14;      // 四号

    public static byte[] of(Bulletin bulletin, LocalDate date) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            doc.getProperties().getCoreProperties().setTitle(bulletin.title());
            doc.getProperties().getCoreProperties().setCreator(bulletin.office());
            masthead(doc, bulletin, date);
            for (int i = 0; i < bulletin.items().size(); i++) {
                item(doc, bulletin.items().get(i), i > 0);
            }
            colophon(doc, bulletin, date);
            pageNumbers(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A4, top 37 mm, binding side 28 mm, 版心 156 × 225 mm. */
    private static void page(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(2098));
        margins.setBottom(BigInteger.valueOf(1984));
        margins.setLeft(BigInteger.valueOf(1587));
        margins.setRight(BigInteger.valueOf(1475));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setFooter(BigInteger.valueOf(1304));
        margins.setGutter(BigInteger.ZERO);
    }

    private static void masthead(XWPFDocument doc, Bulletin b, LocalDate date) {
        XWPFParagraph name = paragraph(doc, ParagraphAlignment.CENTER, LineSpacingRule.AUTO, 1);
        run(name, "社情民意信息专报", TITLE_FONT, SIZE_MASTHEAD).setColor(RED);
        name.setSpacingAfter(200);

        XWPFParagraph issue = paragraph(doc, ParagraphAlignment.LEFT, LineSpacingRule.EXACT, LINE);
        rightTab(issue, TEXT_WIDTH);
        run(issue, b.year() + "年第" + b.number() + "期", BODY_FONT, SIZE_TEXT);
        run(issue, "", BODY_FONT, SIZE_TEXT).addTab();
        run(issue, "签发人：", BODY_FONT, SIZE_TEXT);
        run(issue, b.signer() == null ? "　　　" : b.signer(), BYLINE_FONT, SIZE_TEXT);

        XWPFParagraph office = paragraph(doc, ParagraphAlignment.LEFT, LineSpacingRule.EXACT, LINE);
        rightTab(office, TEXT_WIDTH);
        run(office, b.office() + "编", BODY_FONT, SIZE_TEXT);
        run(office, "", BODY_FONT, SIZE_TEXT).addTab();
        run(office, chineseDate(date), BODY_FONT, SIZE_TEXT);
        office.setBorderBottom(Borders.SINGLE);
        CTBorder rule = office.getCTPPr().getPBdr().getBottom();
        rule.setColor(RED);
        rule.setSz(BigInteger.valueOf(18));
        rule.setSpace(BigInteger.valueOf(4));
        office.setSpacingAfter(580);
    }

    private static void item(XWPFDocument doc, Bulletin.Item item, boolean gapBefore) {
        XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER, LineSpacingRule.AT_LEAST, LINE);
        if (gapBefore) {
            title.setSpacingBefore(580);
        }
        title.setSpacingAfter(580);
        run(title, printable(item.title()), TITLE_FONT, SIZE_TITLE);
        for (String text : item.body().split("\\R+")) {
            if (!text.isBlank()) {
                XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH, LineSpacingRule.EXACT, LINE);
                p.setIndentationFirstLine(640);
                run(p, printable(text.strip()), BODY_FONT, SIZE_TEXT);
            }
        }
        XWPFParagraph byline = paragraph(doc, ParagraphAlignment.RIGHT, LineSpacingRule.EXACT, LINE);
        run(byline, "（" + printable(item.authorName()) + " 反映）", BYLINE_FONT, SIZE_TEXT);
    }

    /**
     * The 版记, as a table floating at the foot of the last page's 版心: 报送 and 抄送 (when given), then the
     * office that prints it and the date; thick rules first and last, thin ones between. It stays at the foot
     * however long the text is.
     */
    private static void colophon(XWPFDocument doc, Bulletin b, LocalDate date) {
        List<String[]> rows = new ArrayList<>();
        if (!b.distribution().sendTo().isBlank()) {
            rows.add(new String[]{"报送：" + printable(b.distribution().sendTo()), null});
        }
        if (!b.distribution().copyTo().isBlank()) {
            rows.add(new String[]{"抄送：" + printable(b.distribution().copyTo()), null});
        }
        rows.add(new String[]{b.office(), chineseDate(date) + "印发"});
        XWPFTable table = doc.createTable(rows.size(), 1);
        table.setWidth(String.valueOf(COLOPHON_WIDTH));
        table.getCTTbl().getTblPr().getTblW().setType(STTblWidth.DXA);
        CTTblPPr floating = table.getCTTbl().getTblPr().addNewTblpPr();
        floating.setVertAnchor(STVAnchor.MARGIN);
        floating.setTblpYSpec(STYAlign.BOTTOM);
        floating.setHorzAnchor(STHAnchor.MARGIN);
        floating.setTblpXSpec(STXAlign.CENTER);
        table.getCTTbl().getTblPr().unsetTblBorders();
        CTTblBorders borders = table.getCTTbl().getTblPr().addNewTblBorders();
        border(borders.addNewTop(), 8);
        border(borders.addNewBottom(), 8);
        border(borders.addNewInsideH(), 4);
        borders.addNewLeft().setVal(STBorder.NONE);
        borders.addNewRight().setVal(STBorder.NONE);
        borders.addNewInsideV().setVal(STBorder.NONE);
        for (int i = 0; i < rows.size(); i++) {
            XWPFTableCell cell = table.getRow(i).getCell(0);
            cell.setWidth(String.valueOf(COLOPHON_WIDTH));
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setSpacingBetween(LINE, LineSpacingRule.EXACT);
            p.setIndentationLeft(280);
            p.setIndentationRight(280);
            String[] row = rows.get(i);
            run(p, row[0], BODY_FONT, SIZE_SMALL);
            if (row[1] != null) {
                rightTab(p, COLOPHON_WIDTH - 2 * 108 - 280);
                run(p, "", BODY_FONT, SIZE_SMALL).addTab();
                run(p, row[1], BODY_FONT, SIZE_SMALL);
            }
        }
        // the paragraph a floating table is anchored to: a document never ends with a table
        paragraph(doc, ParagraphAlignment.LEFT, LineSpacingRule.EXACT, 1);
    }

    /** "— 1 —" in 四号 宋体: odd pages at the right, even pages at the left, each one character in. */
    private static void pageNumbers(XWPFDocument doc) {
        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT).createParagraph(), ParagraphAlignment.RIGHT);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN).createParagraph(), ParagraphAlignment.LEFT);
    }

    private static void pageNumber(XWPFParagraph p, ParagraphAlignment side) {
        p.setAlignment(side);
        if (side == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(280);
        } else {
            p.setIndentationLeft(280);
        }
        run(p, "— ", NUMBER_FONT, SIZE_SMALL);
        run(p, "", NUMBER_FONT, SIZE_SMALL).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        run(p, "", NUMBER_FONT, SIZE_SMALL).getCTR().addNewInstrText().setStringValue(" PAGE ");
        run(p, "", NUMBER_FONT, SIZE_SMALL).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", NUMBER_FONT, SIZE_SMALL);
        run(p, "", NUMBER_FONT, SIZE_SMALL).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", NUMBER_FONT, SIZE_SMALL);
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment align, LineSpacingRule rule,
                                           double spacing) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBetween(spacing, rule);
        p.setSpacingAfter(0);
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, double points) {
        XWPFRun r = p.createRun();
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(points);
        if (!text.isEmpty()) {
            r.setText(text);
        }
        return r;
    }

    private static void rightTab(XWPFParagraph p, int position) {
        CTTabStop tab = p.getCTPPr().addNewTabs().addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setPos(BigInteger.valueOf(position));
    }

    private static void border(CTBorder border, int eighthsOfAPoint) {
        border.setVal(STBorder.SINGLE);
        border.setSz(BigInteger.valueOf(eighthsOfAPoint));
        border.setColor("000000");
    }

    /** 2026年11月24日 */
    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** The text without the control characters a Word document cannot hold. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || c >= 0x10000).forEach(out::appendCodePoint);
        return out.toString();
    }

    private BulletinDocx() {
    }
}
