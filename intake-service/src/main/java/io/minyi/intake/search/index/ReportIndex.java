package io.minyi.intake.search.index;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportEvent;
import io.minyi.intake.lucene.ScratchDirectory;
import io.minyi.intake.search.domain.SearchableReport;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import io.minyi.intake.background.BackgroundMerges;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.json.JsonMapper;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * This instance's Lucene index of reports: one document per submitted report with its current title
 * and text, answers and instructions (analysed by smartcn, BM25), the fields the filters need, the
 * body and every body above it (for the visibility rule), and the folded state as stored JSON (to fold
 * the next event into). Kept in a directory of its own that is emptied at start: the index is a
 * projection, rebuilt from the event log. Changes become visible at the next {@link #refresh()}; a
 * report changed since is read back from memory, so consecutive events of one report fold correctly.
 */
public final class ReportIndex implements Closeable {

    public static final String ID = "id", TREE = "tree", AUTHOR = "author", STATION = "station", STATUS = "status",
            TOPIC = "topic", SECTOR = "sector", CHANNEL = "channel", URGENCY = "urgency", DEPARTMENT = "department",
            SUBMITTED = "submittedAt", TITLE = "title", BODY = "body", ANSWERS = "answers", INSTRUCTIONS = "instructions",
            CHARS = "chars", STATE = "state";

    /** smartcn words for ranking; {@link #CHARS}: single Han characters (and Latin words), for exact substrings. */
    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(),
            Map.of(CHARS, new StandardAnalyzer(CharArraySet.EMPTY_SET)));
    private final JsonMapper json = JsonMapper.builder().build();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, SearchableReport> unrefreshed = new HashMap<>();
    private final Path dir;

    public ReportIndex(Path dir) {
        this.dir = dir;
        directory = ScratchDirectory.open(dir);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(32)
                    .setMergeScheduler(new BackgroundMerges());
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** Folds an event into its report's document; true when the index changed. */
    public synchronized boolean apply(ReportEvent event) {
        SearchableReport report = current(event.reportId())
                .orElseGet(() -> SearchableReport.of(event.reportId(), event.org().value()));
        if (!report.apply(event) || !report.searchable()) {
            return false;
        }
        try {
            writer.updateDocument(new Term(ID, report.id), document(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        unrefreshed.put(report.id, report);
        return true;
    }

    /** Makes the changes so far visible to searches. */
    public synchronized void refresh() {
        try {
            searchers.maybeRefreshBlocking();
            unrefreshed.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code work} on the current searcher. */
    public <T> T search(SearchWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.on(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    public interface SearchWork<T> {
        T on(IndexSearcher searcher) throws IOException;
    }

    public SearchableReport state(Document stored) {
        return json.readValue(stored.get(STATE), SearchableReport.class);
    }

    public int size() {
        return search(s -> s.getIndexReader().numDocs());
    }

    private Optional<SearchableReport> current(String id) {
        SearchableReport pending = unrefreshed.get(id);
        if (pending != null) {
            return Optional.of(pending);
        }
        return search(s -> {
            TopDocs hit = s.search(new TermQuery(new Term(ID, id)), 1);
            return hit.scoreDocs.length == 0 ? Optional.empty()
                    : Optional.of(state(s.storedFields().document(hit.scoreDocs[0].doc)));
        });
    }

    private Document document(SearchableReport r) {
        Document d = new Document();
        d.add(new StringField(ID, r.id, Field.Store.YES));
        d.add(new SortedDocValuesField(ID, new BytesRef(r.id)));
        for (String body : OrgPath.of(r.org).selfAndAncestors()) {
            d.add(new StringField(TREE, body, Field.Store.NO));
        }
        keyword(d, AUTHOR, r.authorId);
        keyword(d, STATION, r.station);
        keyword(d, STATUS, r.status);
        keyword(d, TOPIC, r.topic);
        keyword(d, SECTOR, r.sector);
        keyword(d, CHANNEL, r.channel);
        keyword(d, URGENCY, r.urgency);
        r.departments.forEach(dep -> keyword(d, DEPARTMENT, dep));
        long at = r.submittedAt.toEpochMilli();
        d.add(new LongPoint(SUBMITTED, at));
        d.add(new NumericDocValuesField(SUBMITTED, at));
        d.add(new TextField(TITLE, r.title, Field.Store.YES));
        d.add(new TextField(BODY, r.body == null ? "" : r.body, Field.Store.YES));
        d.add(new TextField(ANSWERS, String.join("\n", r.answers), Field.Store.YES));
        d.add(new TextField(INSTRUCTIONS, String.join("\n", r.instructions), Field.Store.YES));
        d.add(new TextField(CHARS, String.join("\n", r.title, r.body == null ? "" : r.body, String.join("\n", r.answers),
                String.join("\n", r.instructions)), Field.Store.NO));
        d.add(new StoredField(STATE, json.writeValueAsString(r)));
        return d;
    }

    private static void keyword(Document d, String field, String value) {
        if (value != null) {
            d.add(new StringField(field, value, Field.Store.NO));
        }
    }

    /** Closes the index and deletes its directory: the next start rebuilds it from the event log anyway. */
    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
        ScratchDirectory.delete(dir);
    }

}
