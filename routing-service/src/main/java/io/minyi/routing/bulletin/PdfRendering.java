package io.minyi.routing.bulletin;

import io.minyi.support.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Word documents to PDF with LibreOffice (Debian's libreoffice-writer-nogui), headless: the PDF is the
 * same document the .docx is, page for page, with its fonts embedded. The fonts the document names are
 * mapped to Noto CJK by {@code fonts/fontconfig.xml}. One conversion at a time, in a LibreOffice profile
 * of this process's own.
 */
@Component
public class PdfRendering {

    private static final Logger log = LoggerFactory.getLogger(PdfRendering.class);

    private final String office;
    private final long timeoutSeconds;
    private final Semaphore one = new Semaphore(1);
    private volatile Path home;

    PdfRendering(@Value("${minyi.bulletin.soffice:soffice}") String office,
                 @Value("${minyi.bulletin.pdf-timeout-seconds:120}") long timeoutSeconds) {
        this.office = office;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The PDF of a Word document; 503 when LibreOffice is missing or fails. */
    public byte[] pdf(byte[] docx) {
        try {
            if (!one.tryAcquire(timeoutSeconds, TimeUnit.SECONDS)) {
                throw unavailable("busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("minyi-pdf-");
            Path source = Files.write(work.resolve("document.docx"), docx);
            convert(source, work);
            Path pdf = work.resolve("document.pdf");
            if (!Files.isRegularFile(pdf)) {
                throw unavailable("no output");
            }
            return Files.readAllBytes(pdf);
        } catch (IOException e) {
            log.error("PDF rendering failed: {}", e.toString());
            throw unavailable(e.getMessage());
        } finally {
            one.release();
            delete(work);
        }
    }

    private void convert(Path source, Path outDir) throws IOException {
        Path profile = home();
        List<String> command = new ArrayList<>(List.of(office, "--headless", "--norestore", "--nologo",
                "--nolockcheck", "-env:UserInstallation=" + profile.resolve("profile").toUri(),
                "--convert-to", "pdf:writer_pdf_Export", "--outdir", outDir.toString(), source.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(outDir.resolve("soffice.log").toFile());
        builder.environment().put("FONTCONFIG_FILE", profile.resolve("fontconfig.xml").toString());
        builder.environment().put("HOME", profile.toString());
        Process process = builder.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw unavailable("timed out after " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
        if (process.exitValue() != 0) {
            throw unavailable("exit " + process.exitValue() + ": "
                    + Files.readString(outDir.resolve("soffice.log")).strip());
        }
    }

    /** This process's LibreOffice home: its profile (kept between conversions, which halves their time) and fonts. */
    private Path home() throws IOException {
        if (home == null) {
            Path dir = Files.createTempDirectory("minyi-soffice-");
            try (InputStream rules = PdfRendering.class.getResourceAsStream("/fonts/fontconfig.xml")) {
                Files.copy(rules, dir.resolve("fontconfig.xml"));
            }
            home = dir;
        }
        return home;
    }

    private static ApiProblem unavailable(String why) {
        log.warn("bulletin PDF not rendered: {}", why);
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "pdf-unavailable",
                "暂时无法生成 PDF（排版组件不可用），请先下载 Word 版或稍后重试。",
                "The PDF cannot be rendered now (LibreOffice unavailable: " + why + ").");
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
