package io.minyi.support.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The attachment types a report accepts, recognised from the bytes themselves (magic numbers and,
 * for Office Open XML, the package's parts), never from the file name or the declared content type.
 */
public enum FileType {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    /** Office 97–2003 (.doc, .xls, .ppt) share one container format. */
    OFFICE_LEGACY("application/x-ole-storage", "doc");

    private final String mediaType;
    private final String extension;

    FileType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<FileType> sniff(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        } else if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        } else if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return Optional.of(GIF);
        } else if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return Optional.of(WEBP);
        } else if (ascii(b, 0, "%PDF-")) {
            return Optional.of(PDF);
        } else if (starts(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Optional.of(OFFICE_LEGACY);
        } else if (starts(b, 'P', 'K', 0x03, 0x04)) {
            return officeOpenXml(b);
        }
        return Optional.empty();
    }

    /** A zip is accepted only as an Office document: it has [Content_Types].xml and a word/, xl/ or ppt/ part. */
    private static Optional<FileType> officeOpenXml(byte[] b) {
        boolean contentTypes = false;
        FileType kind = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                contentTypes |= name.equals("[Content_Types].xml");
                if (name.startsWith("word/")) {
                    kind = DOCX;
                } else if (name.startsWith("xl/")) {
                    kind = XLSX;
                } else if (name.startsWith("ppt/")) {
                    kind = PPTX;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return contentTypes ? Optional.ofNullable(kind) : Optional.empty();
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int offset, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        return b.length >= offset + t.length && Arrays.equals(b, offset, offset + t.length, t, 0, t.length);
    }
}
