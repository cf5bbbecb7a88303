package io.minyi.intake.attachment;

import com.mongodb.client.gridfs.model.GridFSFile;
import io.minyi.support.files.FileType;
import io.minyi.support.files.SealedFiles;
import io.minyi.support.privacy.Seals;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
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
    private final SealedFiles files;

    public AttachmentStore(GridFsTemplate gridFs, Seals seals) {
        this.gridFs = gridFs;
        this.files = new SealedFiles(gridFs, seals, "attachment");
    }

    /** {@code officeOnly}: an office document (a leader's instruction on paper) the author and the station do not see. */
    public record Attachment(String id, String reportId, String name, long size, FileType type, String sha256,
                             String uploadedBy, Instant uploadedAt, boolean officeOnly) {
    }

    public Attachment save(String reportId, String name, byte[] content, FileType type, String sha256,
                           String uploadedBy, Instant now, boolean officeOnly) {
        Document metadata = new Document("reportId", reportId).append("type", type.name()).append("sha256", sha256)
                .append("uploadedBy", uploadedBy).append("uploadedAt", Date.from(now)).append("officeOnly", officeOnly);
        ObjectId id = files.store(name, type.mediaType(), content, metadata);
        return new Attachment(id.toHexString(), reportId, name, content.length, type, sha256, uploadedBy, now, officeOnly);
    }

    public List<Attachment> ofReport(String reportId) {
        List<Attachment> list = new ArrayList<>();
        gridFs.find(Query.query(Criteria.where("metadata.reportId").is(reportId))).forEach(f -> list.add(toAttachment(f)));
        list.sort(java.util.Comparator.comparing(Attachment::uploadedAt));
        return list;
    }

    public Optional<SealedFiles.Stored> content(String reportId, String attachmentId) throws IOException {
        return files.open(reportId, attachmentId);
    }

    public static Attachment toAttachment(GridFSFile f) {
        Document m = f.getMetadata();
        return new Attachment(f.getObjectId().toHexString(), m.getString("reportId"), f.getFilename(), SealedFiles.size(f),
                FileType.valueOf(m.getString("type")), m.getString("sha256"), m.getString("uploadedBy"),
                m.getDate("uploadedAt").toInstant(), m.getBoolean("officeOnly", false));
    }
}
