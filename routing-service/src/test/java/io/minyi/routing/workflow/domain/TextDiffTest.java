package io.minyi.routing.workflow.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTest {

    @Test
    void showsChangedSentencesBetweenKeptOnes() {
        var pieces = TextDiff.of("龙华区老旧小区多。加装电梯审批慢。建议简化。",
                "龙华区老旧小区多。涉及 12 个小区，审批平均 8 个月。建议简化。");
        assertThat(pieces).containsExactly(
                new TextDiff.Piece(TextDiff.Op.EQUAL, "龙华区老旧小区多。"),
                new TextDiff.Piece(TextDiff.Op.DELETE, "加装电梯审批慢。"),
                new TextDiff.Piece(TextDiff.Op.INSERT, "涉及 12 个小区，审批平均 8 个月。"),
                new TextDiff.Piece(TextDiff.Op.EQUAL, "建议简化。"));
    }

    @Test
    void identicalTextsAreOneEqualPieceAndEmptyOnesNone() {
        assertThat(TextDiff.of("一。二！", "一。二！")).containsExactly(new TextDiff.Piece(TextDiff.Op.EQUAL, "一。二！"));
        assertThat(TextDiff.of("", "")).isEmpty();
        assertThat(TextDiff.of("", "新。")).containsExactly(new TextDiff.Piece(TextDiff.Op.INSERT, "新。"));
    }
}
