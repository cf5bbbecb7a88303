package io.minyi.intake.search.index;

import io.minyi.intake.search.domain.SearchableReport;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A search over the report index: keywords (each must occur, as a phrase of its words, in the title,
 * text, an answer or an instruction — the title weighs three times — or as an exact run of
 * characters anywhere in them), ranked by BM25, or no keywords and
 * newest first; filters by the body tree (visibility), author, station, state, classification,
 * department and submission time; or a given set of ids ranked by the caller (more like this).
 * Snippets mark the matched words with {@code <mark>}, the rest HTML-escaped.
 */
public final class ReportQuery {

    /** What to look for; null fields do not filter. {@code tree} is required: the caller's visible subtree. */
    public record Criteria(List<String> keywords, String tree, String author, String station, String status,
                           String topic, String sector, String channel, String urgency, String department,
                           Instant from, Instant until, List<String> ids) {
    }

    public record Hit(SearchableReport report, float score, String titleHighlighted, String snippet) {
    }

    public record Result(List<Hit> hits, int total) {
    }

    /** Deepest result reachable by paging. */
    public static final int MAX_DEPTH = 10_000;
    private static final String[] SNIPPET_FIELDS = {ReportIndex.BODY, ReportIndex.ANSWERS, ReportIndex.INSTRUCTIONS};
    private static final Map<String, Float> TEXT_FIELDS = Map.of(ReportIndex.TITLE, 3f, ReportIndex.BODY, 1f,
            ReportIndex.ANSWERS, 1f, ReportIndex.INSTRUCTIONS, 1f);

    private ReportQuery() {
    }

    /** The words of a keyword as the index analyses them; empty when it has none (punctuation only). */
    public static List<String> words(Analyzer analyzer, String keyword) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(ReportIndex.BODY, keyword)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    public static Result run(ReportIndex index, Criteria c, int offset, int size, Map<String, Double> ranking) {
        Query query = query(index.analyzer(), c);
        boolean ranked = c.keywords() != null && !c.keywords().isEmpty();
        return index.search(searcher -> {
            int total = searcher.count(query);
            int depth = Math.min(offset + size, MAX_DEPTH);
            ScoreDoc[] docs;
            if (ranking != null) {
                docs = searcher.search(query, Math.max(1, ranking.size())).scoreDocs;
                docs = rankBy(searcher, docs, ranking);
            } else if (ranked) {
                docs = searcher.search(query, depth).scoreDocs;
            } else {
                docs = searcher.search(query, depth, new Sort(new SortField(ReportIndex.SUBMITTED, SortField.Type.LONG, true),
                        new SortField(ReportIndex.ID, SortField.Type.STRING))).scoreDocs;
            }
            ScoreDoc[] page = Arrays.copyOfRange(docs, Math.min(offset, docs.length), Math.min(offset + size, docs.length));
            return new Result(hits(index, searcher, query, page, ranked), total);
        });
    }

    private static ScoreDoc[] rankBy(IndexSearcher searcher, ScoreDoc[] docs, Map<String, Double> ranking) throws IOException {
        var stored = searcher.storedFields();
        Map<ScoreDoc, Double> by = new HashMap<>();
        for (ScoreDoc d : docs) {
            by.put(d, ranking.getOrDefault(stored.document(d.doc).get(ReportIndex.ID), 0.0));
        }
        return Arrays.stream(docs).sorted((a, b) -> Double.compare(by.get(b), by.get(a))).toArray(ScoreDoc[]::new);
    }

    private static List<Hit> hits(ReportIndex index, IndexSearcher searcher, Query query, ScoreDoc[] page, boolean ranked)
            throws IOException {
        String[] titles = new String[page.length];
        Map<String, String[]> snippets = Map.of();
        if (ranked && page.length > 0) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                    .withMaxLength(20_000).build();
            TopDocs top = new TopDocs(new org.apache.lucene.search.TotalHits(page.length,
                    org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), page);
            Map<String, String[]> found = new HashMap<>(highlighter.highlightFields(SNIPPET_FIELDS, query, top, new int[] {2, 1, 1}));
            found.putAll(highlighter.highlightFields(new String[] {ReportIndex.TITLE}, query, top, new int[] {1}));
            snippets = found;
        }
        var stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            SearchableReport r = index.state(stored.document(page[i].doc));
            String snippet = null;
            for (String field : SNIPPET_FIELDS) {
                String[] s = snippets.get(field);
                if (snippet == null && s != null && s[i] != null && s[i].contains("<mark>")) {
                    snippet = s[i];
                }
            }
            String[] t = snippets.get(ReportIndex.TITLE);
            titles[i] = t != null && t[i] != null && t[i].contains("<mark>") ? t[i] : null;
            hits.add(new Hit(r, page[i].score, titles[i], snippet));
        }
        return hits;
    }

    static Query query(Analyzer analyzer, Criteria c) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        boolean any = false;
        if (c.keywords() != null) {
            for (String keyword : c.keywords()) {
                List<String> words = words(analyzer, keyword);
                if (words.isEmpty()) {
                    continue;
                }
                BooleanQuery.Builder fields = new BooleanQuery.Builder();
                TEXT_FIELDS.forEach((field, boost) -> fields.add(new BoostQuery(phrase(field, words), boost),
                        BooleanClause.Occur.SHOULD));
                // the keyword as an exact run of characters: finds what word segmentation splits differently
                Query chars = new QueryBuilder(analyzer).createPhraseQuery(ReportIndex.CHARS, keyword);
                if (chars != null) {
                    fields.add(new BoostQuery(chars, 0.5f), BooleanClause.Occur.SHOULD);
                }
                q.add(fields.build(), BooleanClause.Occur.MUST);
                any = true;
            }
        }
        if (!any) {
            q.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        filter(q, ReportIndex.TREE, c.tree());
        filter(q, ReportIndex.AUTHOR, c.author());
        filter(q, ReportIndex.STATION, c.station());
        filter(q, ReportIndex.STATUS, c.status());
        filter(q, ReportIndex.TOPIC, c.topic());
        filter(q, ReportIndex.SECTOR, c.sector());
        filter(q, ReportIndex.CHANNEL, c.channel());
        filter(q, ReportIndex.URGENCY, c.urgency());
        filter(q, ReportIndex.DEPARTMENT, c.department());
        if (c.from() != null || c.until() != null) {
            long from = c.from() == null ? Long.MIN_VALUE : c.from().toEpochMilli();
            long until = c.until() == null ? Long.MAX_VALUE : c.until().toEpochMilli() - 1;
            q.add(LongPoint.newRangeQuery(ReportIndex.SUBMITTED, from, until), BooleanClause.Occur.FILTER);
        }
        if (c.ids() != null) {
            q.add(new TermInSetQuery(ReportIndex.ID, c.ids().stream().map(BytesRef::new).toList()),
                    BooleanClause.Occur.FILTER);
        }
        return q.build();
    }

    private static Query phrase(String field, List<String> words) {
        if (words.size() == 1) {
            return new TermQuery(new Term(field, words.get(0)));
        }
        return new PhraseQuery(1, field, words.toArray(String[]::new));
    }

    private static void filter(BooleanQuery.Builder q, String field, String value) {
        if (value != null) {
            q.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        }
    }
}
