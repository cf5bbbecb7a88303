package io.minyi.routing.workflow.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The difference between two versions of a Chinese text, sentence by sentence (a sentence ends with
 * 。！？；, a line break or their ASCII forms): the longest common subsequence of sentences is kept,
 * the rest shown as deleted or inserted, adjacent pieces of one kind joined.
 */
public final class TextDiff {

    public enum Op {
        EQUAL, DELETE, INSERT
    }

    public record Piece(Op op, String text) {
    }

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；!?;\\n])");

    public static List<Piece> of(String before, String after) {
        List<String> a = sentences(before);
        List<String> b = sentences(after);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Piece> pieces = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                add(pieces, Op.EQUAL, a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                add(pieces, Op.DELETE, a.get(i++));
            } else {
                add(pieces, Op.INSERT, b.get(j++));
            }
        }
        return pieces;
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return sentences;
        }
        for (String s : SENTENCE_END.split(text)) {
            if (!s.isEmpty()) {
                sentences.add(s);
            }
        }
        return sentences;
    }

    private static void add(List<Piece> pieces, Op op, String text) {
        int last = pieces.size() - 1;
        if (last >= 0 && pieces.get(last).op() == op) {
            pieces.set(last, new Piece(op, pieces.get(last).text() + text));
        } else {
            pieces.add(new Piece(op, text));
        }
    }

    private TextDiff() {
    }
}
