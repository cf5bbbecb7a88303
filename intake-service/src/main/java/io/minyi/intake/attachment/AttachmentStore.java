package io.minyi.intake.attachment;

import com.mongodb.client.gridfs.model.GridFSFile;
import io.minyi.support.files.FileType;
import io.minyi.support.privacy.Seals;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Attachment files in MongoDB GridFS, with their report, checksum and sniffed type as metadata. A photo or
 * a scan may show a constituent: each file is stored sealed under its own data key (in its metadata,
 * wrapped by the master key), bound to its report and digest.
 */
@Component
public class AttachmentStore {

    private final GridFsTemplate gridFs;
    private final Seals seals;

    public AttachmentStore(GridFsTemplate gridFs, Seals seals) {
        this.gridFs = gridFs;
        this.seals = seals;
    }

    /** A stored file and its content, opened. */
    public record Stored(GridFSFile file, InputStream content) {
    }

    public record Attachment(String id, String reportId, String name, long size, FileType type, String sha256,
                             String uploadedBy, Instant uploadedAt) {
    }

    public Attachment save(String reportId, String name, byte[] content, FileType type, String sha256,
                           String uploadedBy, Instant now) {
        Seals.SealedFile sealed = seals.sealFile(context(reportId, sha256), content);
        Document metadata = new Document("reportId", reportId).append("type", type.name()).append("sha256", sha256)
                .append("uploadedBy", uploadedBy).append("uploadedAt", Date.from(now))
                .append("size", (long) content.length).append("key", sealed.key());
        ObjectId id = gridFs.store(new ByteArrayInputStream(sealed.content()), name, type.mediaType(), metadata);
        return new Attachment(id.toHexString(), reportId, name, content.length, type, sha256, uploadedBy, now);
    }

    public List<Attachment> ofReport(String reportId) {
        List<Attachment> list = new ArrayList<>();
        gridFs.find(Query.query(Criteria.where("metadata.reportId").is(reportId))).forEach(f -> list.add(toAttachment(f)));
        list.sort(java.util.Comparator.comparing(Attachment::uploadedAt));
        return list;
    }

    public Optional<Stored> content(String reportId, String attachmentId) throws IOException {
        if (!ObjectId.isValid(attachmentId)) {
            return Optional.empty();
        }
        GridFSFile file = gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(attachmentId))
                .and("metadata.reportId").is(reportId)));
        if (file == null) {
            return Optional.empty();
        }
        var metadata = file.getMetadata();
        return Optional.of(new Stored(file, seals.openStored(context(reportId, metadata == null ? null : metadata.getString("sha256")),
                metadata, gridFs.getResource(file).getInputStream())));
    }

    private static String context(String reportId, String sha256) {
        return "attachment/" + reportId + "/" + sha256;
    }

    public static Attachment toAttachment(GridFSFile f) {
        Document m = f.getMetadata();
        long size = m.get("size") instanceof Number n ? n.longValue() : f.getLength();
        return new Attachment(f.getObjectId().toHexString(), m.getString("reportId"), f.getFilename(), size,
                FileType.valueOf(m.getString("type")), m.getString("sha256"), m.getString("uploadedBy"),
                m.getDate("uploadedAt").toInstant());
    }
}
