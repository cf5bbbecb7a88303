package io.minyi.intake;

import com.jayway.jsonpath.JsonPath;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.MinyiServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class AttachmentIT {

    static final String ORG = "haikou/longhua/jinyu";
    static final byte[] PNG = bytes(new int[]{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});

    @Autowired MockMvc mvc;
    @Autowired org.springframework.data.mongodb.core.MongoTemplate mongo;
    RequestPostProcessor author = Callers.token("u-attach-author", "member", ORG, null);
    String report;

    @BeforeEach
    void report() throws Exception {
        String body = mvc.perform(post("/api/reports").with(author).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"积水路段照片\",\"body\":\"暴雨后多处路段积水，附现场照片。\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        report = JsonPath.read(body, "$.id");
    }

    @Test
    void anAuthorAttachesAPhotoAndTheOfficeDownloadsTheSameBytes() throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
        String href = JsonPath.read(upload(author, "现场照片.jpg", "application/octet-stream", PNG)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(jsonPath("$.sha256").value(sha))
                .andExpect(jsonPath("$.size").value(PNG.length))
                .andReturn().getResponse().getContentAsString(), "$.href");

        mvc.perform(get("/api/reports/" + report + "/attachments").with(Callers.editor("haikou/longhua")))
                .andExpect(jsonPath("$[0].name").value("现场照片.jpg"));
        byte[] downloaded = mvc.perform(get(href).with(Callers.editor("haikou/longhua")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("ETag", "\"" + sha + "\""))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("attachment;"),
                        org.hamcrest.Matchers.containsString("filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.jpg"))))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(PNG);

        // stored sealed: the file's chunks in GridFS are not its bytes, its metadata holds the wrapped data key
        String fileId = href.substring(href.lastIndexOf('/') + 1);
        org.bson.Document meta = mongo.getCollection("fs.files").find(new org.bson.Document("_id", new org.bson.types.ObjectId(fileId)))
                .first().get("metadata", org.bson.Document.class);
        assertThat(meta.get("key", org.bson.Document.class)).containsKeys("id", "cipher", "wrapped");
        byte[] stored = mongo.getCollection("fs.chunks").find(new org.bson.Document("files_id", new org.bson.types.ObjectId(fileId)))
                .first().get("data", org.bson.types.Binary.class).getData();
        assertThat(stored).isNotEqualTo(PNG).hasSize(PNG.length + 28); // nonce and tag
        assertThat(java.util.Arrays.copyOf(stored, 8)).isNotEqualTo(java.util.Arrays.copyOf(PNG, 8));
    }

    @Test
    void onlyThoseWhoMaySeeTheReportSeeItsAttachments() throws Exception {
        String href = JsonPath.read(upload(author, "a.png", "image/png", PNG).andReturn().getResponse()
                .getContentAsString(), "$.href");
        mvc.perform(get(href).with(Callers.editor("haikou/meilan"))).andExpect(status().isNotFound());
        mvc.perform(get(href).with(Callers.token("u-other", "member", ORG, null))).andExpect(status().isNotFound());
        mvc.perform(get(href).with(Callers.department("haikou", "haikou-housing"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/reports/" + report + "/attachments/ffffffffffffffffffffffff").with(author))
                .andExpect(status().isNotFound());
        upload(Callers.leader("haikou"), "b.png", "image/png", PNG).andExpect(status().isForbidden());
        upload(Callers.editor("haikou"), "c.png", "image/png", PNG).andExpect(status().isCreated());
    }

    @Test
    void aScannedInstructionIsTheOfficesOwnTheAuthorNeitherListsNorDownloadsIt() throws Exception {
        upload(author, "a.png", "image/png", PNG).andExpect(status().isCreated());
        mvc.perform(multipart("/api/reports/" + report + "/attachments?officeOnly=true")
                        .file(new MockMultipartFile("file", "x.png", "image/png", PNG)).with(author))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("office-only"));
        String href = JsonPath.read(mvc.perform(multipart("/api/reports/" + report + "/attachments?officeOnly=true")
                        .file(new MockMultipartFile("file", "批示件.png", "image/png", PNG)).with(Callers.editor("haikou/longhua")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.officeOnly").value(true))
                .andReturn().getResponse().getContentAsString(), "$.href");

        mvc.perform(get("/api/reports/" + report + "/attachments").with(Callers.editor("haikou")))
                .andExpect(jsonPath("$.length()").value(2)).andExpect(jsonPath("$[1].name").value("批示件.png"));
        mvc.perform(get(href).with(Callers.editor("haikou"))).andExpect(status().isOk());
        mvc.perform(get("/api/reports/" + report + "/attachments").with(author))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].name").value("a.png"));
        mvc.perform(get(href).with(author)).andExpect(status().isNotFound());
    }

    @Test
    void typesAreReadFromTheContentNotTheNameAndOfficeDocumentsAreRecognised() throws Exception {
        upload(author, "报告.pdf", "application/pdf", "MZ\u0090\u0000 this is an executable".getBytes())
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("unsupported-attachment-type"));
        upload(author, "x.png", "image/png", "<html><script>alert(1)</script></html>".getBytes())
                .andExpect(status().isUnsupportedMediaType());
        upload(author, "archive.docx", "application/zip", zip("readme.txt")).andExpect(status().isUnsupportedMediaType());
        upload(author, "调研报告", "application/octet-stream", zip("[Content_Types].xml", "word/document.xml"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType")
                        .value("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        upload(author, "empty.pdf", "application/pdf", new byte[0]).andExpect(status().isBadRequest());
    }

    @Test
    void sizeAndCountAreLimited() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        upload(author, "big.png", "image/png", big).andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value("附件不能超过 20 MB。"));
        for (int i = 0; i < 10; i++) {
            upload(author, i + ".png", "image/png", PNG).andExpect(status().isCreated());
        }
        upload(author, "11.png", "image/png", PNG).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("too-many-attachments"));
    }

    @Test
    void aPathInTheFileNameIsDropped() throws Exception {
        upload(author, "..\\..\\etc/passwd.png", "image/png", PNG).andExpect(jsonPath("$.name").value("passwd.png"));
    }

    private ResultActions upload(RequestPostProcessor who, String name, String type, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/reports/" + report + "/attachments")
                .file(new MockMultipartFile("file", name, type, content)).with(who));
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write("<x/>".getBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
