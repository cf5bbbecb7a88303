package io.minyi.routing.workflow.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTest {

    @Test
    void oneChangedCharacterIsThatCharacterNotItsSentence() {
        assertThat(TextDiff.of("加装电梯审批慢。建议简化。", "加装电梯审批快。建议简化。")).containsExactly(
                new TextDiff.Piece(TextDiff.Op.EQUAL, "加装电梯审批"),
                new TextDiff.Piece(TextDiff.Op.DELETE, "慢"),
                new TextDiff.Piece(TextDiff.Op.INSERT, "快"),
                new TextDiff.Piece(TextDiff.Op.EQUAL, "。建议简化。"));
    }

    @Test
    void anInsertedPhraseIsMarkedWhereItWasInserted() {
        assertThat(TextDiff.of("资金筹措困难。建议统筹补贴资金。", "资金筹措困难、审批环节多。建议统筹补贴资金。")).containsExactly(
                new TextDiff.Piece(TextDiff.Op.EQUAL, "资金筹措困难"),
                new TextDiff.Piece(TextDiff.Op.INSERT, "、审批环节多"),
                new TextDiff.Piece(TextDiff.Op.EQUAL, "。建议统筹补贴资金。"));
    }

    @Test
    void theTwoVersionsCanBeReadBackFromThePieces() {
        String before = "龙华区老旧小区多。加装电梯审批慢。建议简化。𠀀";
        String after = "龙华区老旧小区多。涉及 12 个小区，审批平均 8 个月。建议简化流程。";
        var pieces = TextDiff.of(before, after);
        assertThat(pieces.stream().filter(p -> p.op() != TextDiff.Op.INSERT).map(TextDiff.Piece::text)
                .reduce("", String::concat)).isEqualTo(before);
        assertThat(pieces.stream().filter(p -> p.op() != TextDiff.Op.DELETE).map(TextDiff.Piece::text)
                .reduce("", String::concat)).isEqualTo(after);
    }

    @Test
    void identicalTextsAreOneEqualPieceAndEmptyOnesNone() {
        assertThat(TextDiff.of("一。二！", "一。二！")).containsExactly(new TextDiff.Piece(TextDiff.Op.EQUAL, "一。二！"));
        assertThat(TextDiff.of("", "")).isEmpty();
        assertThat(TextDiff.of(null, "新。")).containsExactly(new TextDiff.Piece(TextDiff.Op.INSERT, "新。"));
    }
}
