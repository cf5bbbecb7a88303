package io.minyi.feedback.inbox.store;

import com.mongodb.client.gridfs.model.GridFSFile;
import io.minyi.contracts.FileRef;
import io.minyi.support.files.Uploads;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Files of departments' replies (答复函 scans, parts' annexes) in GridFS, with report and department as metadata. */
@Component
public class ReplyFiles {

    private final GridFsTemplate gridFs;

    ReplyFiles(GridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    public FileRef save(String reportId, String department, Uploads.Upload upload, String by, Instant now) {
        Document metadata = new Document("reportId", reportId).append("department", department)
                .append("sha256", upload.sha256()).append("uploadedBy", by).append("uploadedAt", Date.from(now));
        ObjectId id = gridFs.store(new ByteArrayInputStream(upload.content()), upload.name(),
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

    public Optional<GridFsResource> content(String reportId, String fileId) {
        if (!ObjectId.isValid(fileId)) {
            return Optional.empty();
        }
        GridFSFile file = gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId))
                .and("metadata.reportId").is(reportId)));
        return Optional.ofNullable(file).map(gridFs::getResource);
    }

    public static FileRef toRef(GridFSFile f) {
        return new FileRef(f.getObjectId().toHexString(), f.getFilename(),
                f.getMetadata() == null ? null : f.getMetadata().getString("_contentType"), f.getLength(),
                f.getMetadata() == null ? null : f.getMetadata().getString("sha256"));
    }
}
