package io.minyi.intake.search.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chinese keyword search without a word segmenter: a report is indexed by the distinct character
 * bigrams (and single characters) of its normalised text; a keyword matches a report that has all of
 * the keyword's bigrams and contains the keyword itself. The bigram condition is what an index can
 * answer (a multikey index on real MongoDB); the substring condition makes the result exact.
 */
public final class SearchTerms {

    public static final int MAX_KEYWORDS = 5;
    public static final int MAX_KEYWORD_LENGTH = 30;

    /** The index terms of a text. */
    public static List<String> of(String text) {
        String n = normalize(text);
        Set<String> terms = new LinkedHashSet<>();
        int[] cps = n.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            terms.add(new String(cps, i, 1));
            if (i + 1 < cps.length) {
                terms.add(new String(cps, i, 2));
            }
        }
        return List.copyOf(terms);
    }

    /** The terms a report must have to contain {@code keyword}. */
    public static List<String> required(String keyword) {
        String n = normalize(keyword);
        int[] cps = n.codePoints().toArray();
        if (cps.length == 1) {
            return List.of(n);
        }
        List<String> terms = new ArrayList<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            terms.add(new String(cps, i, 2));
        }
        return terms;
    }

    /** Keywords of a query: separated by spaces, normalised like the index; empty ones dropped. */
    public static List<String> keywords(String query) {
        List<String> keywords = new ArrayList<>();
        for (String part : query.strip().split("\\s+")) {
            String n = normalize(part);
            if (!n.isEmpty()) {
                keywords.add(n);
            }
        }
        return keywords;
    }

    /** NFKC, lower-case, letters and digits only (punctuation and spaces do not count). */
    public static String normalize(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase();
        StringBuilder kept = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private SearchTerms() {
    }
}
