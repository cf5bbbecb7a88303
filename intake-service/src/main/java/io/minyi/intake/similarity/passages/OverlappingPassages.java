package io.minyi.intake.similarity.passages;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The passages two reports share, for the editor deciding on a merge: both texts are cut into
 * sentences (the JDK's sentence rules for Chinese), each sentence into words (Lucene's smartcn
 * segmenter, stop words dropped, single characters ignored); a sentence of one report matches the
 * sentence of the other with which it shares the most words when they share at least
 * {@value #MIN_SHARED} and at least a quarter of the shorter one's words (paraphrases share the matter's
 * nouns, seldom the phrasing). Matched sentences are numbered in
 * pairs so the screen can mark them alike.
 */
public final class OverlappingPassages {

    static final int MIN_SHARED = 4;
    static final double MIN_OVERLAP = 0.25;

    private final Analyzer analyzer = new SmartChineseAnalyzer();

    /** A sentence of a text, [start, end) in UTF-16 units, and the number of its pair (−1: no match). */
    public record Passage(int start, int end, int pair) {
    }

    /** The two texts' sentences with their pairs, and the words the matched sentences share. */
    public record Comparison(List<Passage> left, List<Passage> right, List<String> sharedWords) {
    }

    private record Sentence(int start, int end, Set<String> words) {
    }

    public Comparison compare(String left, String right) {
        List<Sentence> a = sentences(left);
        List<Sentence> b = sentences(right);
        int[] pairOfA = new int[a.size()];
        int[] pairOfB = new int[b.size()];
        java.util.Arrays.fill(pairOfA, -1);
        java.util.Arrays.fill(pairOfB, -1);
        Set<String> shared = new LinkedHashSet<>();
        int pairs = 0;
        for (int i = 0; i < a.size(); i++) {
            int best = -1;
            int bestShared = 0;
            for (int j = 0; j < b.size(); j++) {
                int common = common(a.get(i).words(), b.get(j).words());
                int smaller = Math.min(a.get(i).words().size(), b.get(j).words().size());
                if (common >= MIN_SHARED && common >= MIN_OVERLAP * smaller && common > bestShared) {
                    best = j;
                    bestShared = common;
                }
            }
            if (best >= 0) {
                int pair = pairOfB[best] >= 0 ? pairOfB[best] : pairs++;
                pairOfA[i] = pair;
                pairOfB[best] = pair;
                a.get(i).words().stream().filter(b.get(best).words()::contains).forEach(shared::add);
            }
        }
        return new Comparison(passages(a, pairOfA), passages(b, pairOfB), List.copyOf(shared));
    }

    private static List<Passage> passages(List<Sentence> sentences, int[] pairs) {
        List<Passage> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            out.add(new Passage(sentences.get(i).start(), sentences.get(i).end(), pairs[i]));
        }
        return out;
    }

    private static int common(Set<String> x, Set<String> y) {
        int n = 0;
        for (String w : x) {
            if (y.contains(w)) {
                n++;
            }
        }
        return n;
    }

    private List<Sentence> sentences(String text) {
        List<Sentence> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.CHINA);
        it.setText(text);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            if (!text.substring(start, end).isBlank()) {
                out.add(new Sentence(start, end, words(text.substring(start, end))));
            }
        }
        return out;
    }

    private Set<String> words(String sentence) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream("text", sentence)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (term.length() >= 2) {
                    words.add(term.toString());
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
