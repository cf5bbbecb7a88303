package io.minyi.feedback.inbox.store;

import com.mongodb.client.gridfs.model.GridFSFile;
import io.minyi.contracts.FileRef;
import io.minyi.support.files.Uploads;
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

/** Files of departments' replies (答复函 scans, parts' annexes) in GridFS, with report and department as metadata. */
@Component
public class ReplyFiles {

    private final GridFsTemplate gridFs;
    private final SealedFiles files;

    ReplyFiles(GridFsTemplate gridFs, Seals seals) {
        this.gridFs = gridFs;
        this.files = new SealedFiles(gridFs, seals, "reply-file");
    }

    public FileRef save(String reportId, String department, Uploads.Upload upload, String by, Instant now) {
        // a reply letter often names the constituent: sealed under its own data key, like intake's attachments
        Document metadata = new Document("reportId", reportId).append("department", department)
                .append("sha256", upload.sha256()).append("uploadedBy", by).append("uploadedAt", Date.from(now));
        ObjectId id = files.store(upload.name(), upload.type().mediaType(), upload.content(), metadata);
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

    public Optional<SealedFiles.Stored> content(String reportId, String fileId) throws IOException {
        return files.open(reportId, fileId);
    }

    public static FileRef toRef(GridFSFile f) {
        return new FileRef(f.getObjectId().toHexString(), f.getFilename(),
                f.getMetadata() == null ? null : f.getMetadata().getString("_contentType"), SealedFiles.size(f),
                f.getMetadata() == null ? null : f.getMetadata().getString("sha256"));
    }
}
