package io.minyi.routing.bulletin.domain;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulletin's Word document, opened with POI as a reader would: the text, fonts and layout of GB/T 9704. */
class BulletinDocxTest {

    static XWPFDocument open() throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(BulletinDocx.of(BulletinMother.published(), LocalDate.of(2026, 11, 24))));
    }

    @Test
    void theMastheadIsRedWithTheIssueTheSignerTheOfficeAndTheDateOverARedRule() throws Exception {
        try (XWPFDocument doc = open()) {
            List<XWPFParagraph> p = doc.getParagraphs();
            assertThat(p.get(0).getText()).isEqualTo("社情民意信息专报");
            assertThat(p.get(0).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            XWPFRun masthead = p.get(0).getRuns().get(0);
            assertThat(masthead.getColor()).isEqualToIgnoringCase("E60012");
            assertThat(masthead.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
            assertThat(masthead.getFontSizeAsDouble()).isEqualTo(42.0);
            assertThat(p.get(1).getText()).isEqualTo("2026年第12期\t签发人：林主席");
            assertThat(p.get(2).getText()).isEqualTo("海口市政协办公室编\t2026年11月24日");
            var rule = p.get(2).getCTPPr().getPBdr().getBottom();
            assertThat(rule.xgetColor().getStringValue()).as("red separator").isEqualTo("E60012");
        }
    }

    @Test
    void eachReportHasItsTitleInXiaoBiaoSongErHaoItsTextInFangSongSanHaoAndEveryoneCreditedWithIt() throws Exception {
        try (XWPFDocument doc = open()) {
            List<XWPFParagraph> p = doc.getParagraphs();
            XWPFParagraph title = p.get(3);
            assertThat(title.getText()).isEqualTo(BulletinMother.FIRST_TITLE);
            assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(title.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
            XWPFParagraph text = p.get(5);
            assertThat(text.getText()).isEqualTo("建议：一、推行并联审批；二、公布办理时限 <30 天> & 限时办结。");
            assertThat(text.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
            assertThat(text.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(text.getIndentationFirstLine()).as("two characters of 三号").isEqualTo(640);
            assertThat(text.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
            assertThat(p.get(6).getText()).isEqualTo("（王委员、钱委员 反映）");
            assertThat(p.stream().map(XWPFParagraph::getText)).contains(BulletinMother.SECOND_TITLE, "（赵委员 反映）");
        }
    }

    @Test
    void theColophonFloatsAtTheFootOfTheLastPageWithSendToCopyToAndThePrintingOffice() throws Exception {
        try (XWPFDocument doc = open()) {
            XWPFTable colophon = doc.getTables().get(0);
            assertThat(colophon.getRows()).extracting(r -> r.getCell(0).getText()).containsExactly(
                    "报送：市委、市人大常委会、市政府领导同志", "抄送：市委办公厅、市政府办公厅", "海口市政协办公室\t2026年11月24日印发");
            var floating = colophon.getCTTbl().getTblPr().getTblpPr();
            assertThat(floating.getTblpYSpec().toString()).isEqualTo("bottom");
            assertThat(floating.getVertAnchor().toString()).isEqualTo("margin");
            var borders = colophon.getCTTbl().getTblPr().getTblBorders();
            assertThat(((BigInteger) borders.getTop().getSz()).intValue()).as("thick first rule")
                    .isGreaterThan(((BigInteger) borders.getInsideH().getSz()).intValue());
        }
    }

    @Test
    void pagesAreA4WithTheStandardMarginsAndNumberedOddRightEvenLeft() throws Exception {
        try (XWPFDocument doc = open()) {
            CTSectPr section = doc.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(section.getPgMar().getTop()).as("37 mm").isEqualTo(BigInteger.valueOf(2098));
            assertThat(section.getPgMar().getLeft()).as("28 mm").isEqualTo(BigInteger.valueOf(1587));
            assertThat(doc.getEvenAndOddHeadings()).isTrue();
            XWPFFooter odd = doc.getHeaderFooterPolicy().getDefaultFooter();
            XWPFFooter even = doc.getHeaderFooterPolicy().getEvenPageFooter();
            assertThat(odd.getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(even.getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
            assertThat(odd.getParagraphs().get(0).getCTP().xmlText()).contains("PAGE");
            assertThat(odd.getText()).contains("— ", " —");
        }
    }

    @Test
    void aDraftLeavesTheSignerBlankAndControlCharactersAreDropped() {
        assertThat(BulletinDocx.printable("a\u0001b<")).isEqualTo("ab<");
    }
}
