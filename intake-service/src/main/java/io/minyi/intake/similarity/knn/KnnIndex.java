package io.minyi.intake.similarity.knn;

import io.minyi.intake.lucene.ScratchDirectory;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import io.minyi.intake.background.BackgroundMerges;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An HNSW graph of the report embeddings (Lucene's KNN vectors, dot product of unit vectors), one
 * document per report with its city tree and submission time, in a directory of its own (off-heap,
 * emptied at start: a replica of the similarity collection). For cities too large for the exact scan,
 * it proposes the nearest reports, which are then scored exactly. Changes are seen by the next search.
 */
public final class KnnIndex implements Closeable {

    private static final String ID = "id", CITY = "city", AT = "at", VECTOR = "vector";

    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public KnnIndex(Path dir) {
        this.dir = dir;
        directory = ScratchDirectory.open(dir);
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(32)
                    .setMergeScheduler(new BackgroundMerges()));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces a report's vector; a zero vector (a blank text) has no neighbours and is left out. */
    public void put(String id, String city, Instant submittedAt, float[] unitVector) {
        try {
            Term term = new Term(ID, id);
            if (isZero(unitVector)) {
                writer.deleteDocuments(term);
                return;
            }
            Document d = new Document();
            d.add(new StringField(ID, id, Field.Store.YES));
            d.add(new StringField(CITY, city, Field.Store.NO));
            d.add(new LongPoint(AT, submittedAt.toEpochMilli()));
            d.add(new KnnFloatVectorField(VECTOR, unitVector, VectorSimilarityFunction.DOT_PRODUCT));
            writer.updateDocument(term, d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(String id) {
        try {
            writer.deleteDocuments(new Term(ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the reports submitted before {@code since} (they left the window). */
    public void evict(Instant since) {
        try {
            writer.deleteDocuments(LongPoint.newRangeQuery(AT, Long.MIN_VALUE, since.toEpochMilli() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of (about) the {@code k} reports of the city submitted since {@code since} nearest to the vector. */
    public List<String> nearest(String city, Instant since, float[] unitVector, int k) {
        if (isZero(unitVector)) {
            return List.of();
        }
        try {
            searchers.maybeRefresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                var filter = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(CITY, city)), BooleanClause.Occur.FILTER)
                        .add(LongPoint.newRangeQuery(AT, since.toEpochMilli(), Long.MAX_VALUE), BooleanClause.Occur.FILTER)
                        .build();
                ScoreDoc[] hits = searcher.search(new KnnFloatVectorQuery(VECTOR, unitVector, k, filter), k).scoreDocs;
                var stored = searcher.storedFields();
                List<String> ids = new ArrayList<>(hits.length);
                for (ScoreDoc hit : hits) {
                    ids.add(stored.document(hit.doc).get(ID));
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
        ScratchDirectory.delete(dir);
    }

}
