package io.minyi.routing.bulletin;

import io.minyi.routing.bulletin.domain.BulletinDocx;
import io.minyi.routing.bulletin.domain.BulletinMother;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulletin as PDF, rendered by LibreOffice from the Word document: its text, its embedded Noto CJK
 * fonts, and — its pages rendered to PNG by PDFBox — the red masthead and rule, the 版记 at the foot of
 * the last page and the page numbers. Needs Debian's libreoffice-writer-nogui and fonts-noto-cjk.
 */
class BulletinPdfTest {

    static final float DPI = 72;
    static PDDocument pdf;
    static List<BufferedImage> pages = new ArrayList<>();

    @BeforeAll
    static void render() throws Exception {
        byte[] docx = BulletinDocx.of(BulletinMother.published(), LocalDate.of(2026, 11, 24));
        byte[] bytes = new PdfRendering("soffice", 120).pdf(docx);
        Path out = Files.createDirectories(Path.of("target", "bulletin"));
        Files.write(out.resolve("bulletin.pdf"), bytes);
        pdf = Loader.loadPDF(bytes);
        PDFRenderer renderer = new PDFRenderer(pdf);
        for (int i = 0; i < pdf.getNumberOfPages(); i++) {
            BufferedImage page = renderer.renderImageWithDPI(i, DPI);
            ImageIO.write(renderer.renderImageWithDPI(i, 100), "png", out.resolve("page-" + (i + 1) + ".png").toFile());
            pages.add(page);
        }
    }

    @AfterAll
    static void close() throws Exception {
        pdf.close();
    }

    @Test
    void isTwoA4PagesReadingLikeTheBulletin() throws Exception {
        assertThat(pdf.getNumberOfPages()).isEqualTo(2);
        PDPage first = pdf.getPage(0);
        assertThat(first.getMediaBox().getWidth() / 72 * 25.4).isCloseTo(210, org.assertj.core.data.Offset.offset(1.0));
        assertThat(first.getMediaBox().getHeight() / 72 * 25.4).isCloseTo(297, org.assertj.core.data.Offset.offset(1.0));
        String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
        assertThat(text).contains("社情民意信息专报", "2026年第12期", "签发人：林主席", "海口市政协办公室编", "2026年11月24日",
                BulletinMother.FIRST_TITLE, BulletinMother.SECOND_TITLE, "（王委员、钱委员反映）",
                "报送：市委、市人大常委会、市政府领导同志", "抄送：市委办公厅、市政府办公厅", "海口市政协办公室2026年11月24日印发");
        assertThat(pageText(1)).contains("—1—").doesNotContain("—2—");
        assertThat(pageText(2)).contains("—2—");
    }

    @Test
    void everyFontIsEmbeddedNotoCjk() throws Exception {
        List<String> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                fonts.add(font.getName());
            }
        }
        assertThat(fonts).anySatisfy(f -> assertThat(f).contains("NotoSerifCJK"));
    }

    @Test
    void theMastheadAndItsRuleAreRedAcrossTheTopOfTheFirstPage() {
        BufferedImage page = pages.get(0);
        int top = mm(37, page);
        assertThat(redPixels(page, 0, top, page.getWidth(), top + mm(30, page))).as("red masthead").isGreaterThan(300);
        // the separator: a red row spanning the 156 mm 版心
        int longest = 0;
        for (int y = top; y < top + mm(70, page); y++) {
            longest = Math.max(longest, redPixels(page, 0, y, page.getWidth(), y + 1));
        }
        assertThat(longest).as("red rule across the 版心").isGreaterThan(mm(150, page));
        assertThat(redPixels(pages.get(1), 0, 0, page.getWidth(), page.getHeight())).as("no red on page 2").isZero();
    }

    @Test
    void theColophonSitsAtTheFootOfTheLastPage() {
        BufferedImage last = pages.get(pages.size() - 1);
        int textBottom = last.getHeight() - mm(35, last);
        // its last thick rule: a dark row across the 版心 within 15 mm above the 版心's foot
        int ruleAt = -1;
        for (int y = textBottom - mm(15, last); y <= textBottom + mm(2, last); y++) {
            if (darkPixels(last, y) > mm(145, last)) {
                ruleAt = y;
            }
        }
        assertThat(ruleAt).as("版记 rule at the foot of the last page").isPositive();
    }

    private static String pageText(int page) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf).replaceAll("\\s+", "");
    }

    private static int mm(double millimetres, BufferedImage page) {
        return (int) Math.round(millimetres / 25.4 * DPI);
    }

    private static int redPixels(BufferedImage image, int x0, int y0, int x1, int y1) {
        int count = 0;
        for (int y = y0; y < Math.min(y1, image.getHeight()); y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (r > 180 && g < 100 && b < 100) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int darkPixels(BufferedImage image, int y) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            int rgb = image.getRGB(x, y);
            if (((rgb >> 16) & 0xff) < 110 && ((rgb >> 8) & 0xff) < 110 && (rgb & 0xff) < 110) {
                count++;
            }
        }
        return count;
    }
}
