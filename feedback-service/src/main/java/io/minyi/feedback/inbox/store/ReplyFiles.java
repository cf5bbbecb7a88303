package io.minyi.feedback.inbox.store;

import com.mongodb.client.gridfs.model.GridFSFile;
import io.minyi.contracts.FileRef;
import io.minyi.support.files.Uploads;
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

/** Files of departments' replies (答复函 scans, parts' annexes) in GridFS, with report and department as metadata. */
@Component
public class ReplyFiles {

    private final GridFsTemplate gridFs;
    private final Seals seals;

    ReplyFiles(GridFsTemplate gridFs, Seals seals) {
        this.gridFs = gridFs;
        this.seals = seals;
    }

    /** A stored reply file and its content, opened. */
    public record Stored(GridFSFile file, InputStream content) {
    }

    public FileRef save(String reportId, String department, Uploads.Upload upload, String by, Instant now) {
        // a reply letter often names the constituent: sealed under its own data key, like intake's attachments
        Seals.SealedFile sealed = seals.sealFile(context(reportId, upload.sha256()), upload.content());
        Document metadata = new Document("reportId", reportId).append("department", department)
                .append("sha256", upload.sha256()).append("uploadedBy", by).append("uploadedAt", Date.from(now))
                .append("size", (long) upload.content().length).append("key", sealed.key());
        ObjectId id = gridFs.store(new ByteArrayInputStream(sealed.content()), upload.name(),
                upload.type().mediaType(), metadata);
        return new FileRef(id.toHexString(), upload.name(), upload.type().mediaType(), upload.content().length,
                upload.sha256());
    }

    /** The files a department uploaded for its item of the report, oldest first. */
    public List<FileRef> of(String reportId, String department) {
        List<FileRef> files = new ArrayList<>();
        gridFs.find(Query.query(Criteria.where("metadata.reportId").is(reportId).and("metadata.department")
                .is(department)).with(org.springframework.data.domain.Sort.by("uploadDate"))).forEach(f -> files.add(toRef(f)));
        return files;
    }

    public Optional<Stored> content(String reportId, String fileId) throws IOException {
        if (!ObjectId.isValid(fileId)) {
            return Optional.empty();
        }
        GridFSFile file = gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId))
                .and("metadata.reportId").is(reportId)));
        if (file == null) {
            return Optional.empty();
        }
        var metadata = file.getMetadata();
        return Optional.of(new Stored(file, seals.openStored(context(reportId, metadata == null ? null : metadata.getString("sha256")),
                metadata, gridFs.getResource(file).getInputStream())));
    }

    private static String context(String reportId, String sha256) {
        return "reply-file/" + reportId + "/" + sha256;
    }

    public static FileRef toRef(GridFSFile f) {
        long size = f.getMetadata() != null && f.getMetadata().get("size") instanceof Number n ? n.longValue() : f.getLength();
        return new FileRef(f.getObjectId().toHexString(), f.getFilename(),
                f.getMetadata() == null ? null : f.getMetadata().getString("_contentType"), size,
                f.getMetadata() == null ? null : f.getMetadata().getString("sha256"));
    }
}
