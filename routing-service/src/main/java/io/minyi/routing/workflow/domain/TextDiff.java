package io.minyi.routing.workflow.domain;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two versions of a Chinese text, character by character (java-diff-utils' Myers
 * diff over the texts' code points): what both keep, what was deleted and what was inserted, in order, so
 * that one changed character shows as that character and not as a whole changed sentence.
 */
public final class TextDiff {

    public enum Op {
        EQUAL, DELETE, INSERT
    }

    public record Piece(Op op, String text) {
    }

    public static List<Piece> of(String before, String after) {
        List<String> a = codePoints(before);
        List<String> b = codePoints(after);
        List<Piece> pieces = new ArrayList<>();
        int kept = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int at = delta.getSource().getPosition();
            add(pieces, Op.EQUAL, a.subList(kept, at));
            add(pieces, Op.DELETE, delta.getSource().getLines());
            add(pieces, Op.INSERT, delta.getTarget().getLines());
            kept = at + delta.getSource().size();
        }
        add(pieces, Op.EQUAL, a.subList(kept, a.size()));
        return pieces;
    }

    /** Each character of the text (a character outside the BMP is one, not two). */
    static List<String> codePoints(String text) {
        return text == null ? List.of() : text.codePoints().mapToObj(Character::toString).toList();
    }

    private static void add(List<Piece> pieces, Op op, List<String> characters) {
        if (!characters.isEmpty()) {
            pieces.add(new Piece(op, String.join("", characters)));
        }
    }

    private TextDiff() {
    }
}
