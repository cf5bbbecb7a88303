package io.minyi.support.files;

import com.mongodb.client.gridfs.model.GridFSFile;
import io.minyi.support.privacy.Seals;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Uploaded files of a report in GridFS, each stored sealed under its own data key (a photo, a scan or a
 * reply letter may show a constituent), bound to its kind, report and SHA-256: the metadata carries
 * {@code reportId}, {@code sha256}, the plain {@code size} and the wrapped {@code key}. Files stored
 * before sealing began (no key) are read as they are.
 */
public final class SealedFiles {

    private final GridFsTemplate gridFs;
    private final Seals seals;
    private final String kind;

    public SealedFiles(GridFsTemplate gridFs, Seals seals, String kind) {
        this.gridFs = gridFs;
        this.seals = seals;
        this.kind = kind;
    }

    /** A stored file and its content, opened. */
    public record Stored(GridFSFile file, InputStream content) {
    }

    /** Stores {@code content} sealed; {@code metadata} must name the report ({@code reportId}) and {@code sha256}. */
    public ObjectId store(String name, String contentType, byte[] content, Document metadata) {
        Seals.SealedFile sealed = seals.sealFile(context(metadata), content);
        metadata.append("size", (long) content.length).append("key", sealed.key());
        return gridFs.store(new ByteArrayInputStream(sealed.content()), name, contentType, metadata);
    }

    /** The file {@code fileId} of the report, opened; empty if the report has no such file. */
    public Optional<Stored> open(String reportId, String fileId) throws IOException {
        if (!ObjectId.isValid(fileId)) {
            return Optional.empty();
        }
        GridFSFile file = gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId))
                .and("metadata.reportId").is(reportId)));
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(new Stored(file, seals.openStored(context(file.getMetadata()), file.getMetadata(),
                gridFs.getResource(file).getInputStream())));
    }

    /** The file's own size (its stored, sealed form is longer). */
    public static long size(GridFSFile f) {
        return f.getMetadata() != null && f.getMetadata().get("size") instanceof Number n ? n.longValue() : f.getLength();
    }

    private String context(Document metadata) {
        return kind + "/" + metadata.getString("reportId") + "/" + metadata.getString("sha256");
    }
}
