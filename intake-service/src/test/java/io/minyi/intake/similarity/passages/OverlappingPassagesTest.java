package io.minyi.intake.similarity.passages;

import io.minyi.intake.similarity.DuplicateEvaluation;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class OverlappingPassagesTest {

    static final Map<String, String> SET = DuplicateEvaluation.load().stream()
            .collect(Collectors.toMap(DuplicateEvaluation.Labelled::id, DuplicateEvaluation.Labelled::text));

    final OverlappingPassages passages = new OverlappingPassages();

    @Test
    void twoAccountsOfOneProblemShareSentencesAndTheSharedWordsNameTheMatter() {
        var c = passages.compare(SET.get("r001"), SET.get("r003"));
        c.left().stream().filter(p -> p.pair() >= 0).forEach(p -> System.out.println(SET.get("r001").substring(p.start(), p.end())));
        System.out.println(c.sharedWords());
        assertThat(c.left()).filteredOn(p -> p.pair() >= 0).hasSizeGreaterThanOrEqualTo(2);
        assertThat(c.right()).filteredOn(p -> p.pair() >= 0).hasSizeGreaterThanOrEqualTo(2);
        assertThat(c.sharedWords()).contains("电梯", "审批");
    }

    @Test
    void sentencesCoverTheTextAndPairNumbersMatchOnBothSides() {
        String a = SET.get("r001");
        var c = passages.compare(a, SET.get("r002"));
        assertThat(c.left().get(0).start()).isZero();
        assertThat(c.left().get(c.left().size() - 1).end()).isEqualTo(a.length());
        var leftPairs = c.left().stream().map(OverlappingPassages.Passage::pair).filter(p -> p >= 0).collect(Collectors.toSet());
        var rightPairs = c.right().stream().map(OverlappingPassages.Passage::pair).filter(p -> p >= 0).collect(Collectors.toSet());
        assertThat(leftPairs).isEqualTo(rightPairs).isNotEmpty();
    }

    @Test
    void reportsOnDifferentMattersShareNothingMuch() {
        var c = passages.compare(SET.get("r001"), SET.get("r005"));
        assertThat(c.left()).filteredOn(p -> p.pair() >= 0).hasSizeLessThanOrEqualTo(1);
    }
}
