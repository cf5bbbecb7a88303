package io.minyi.stats.ranking.domain;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {

    record Dept(String key, Double onTime, long assigned) {
    }

    @Test
    void equalItemsShareARankAndTheNextRankSkips() {
        var ranked = Ranking.rank(List.of(new Dept("c", 0.5, 4), new Dept("a", 0.9, 2), new Dept("b", 0.9, 2),
                        new Dept("d", null, 9), new Dept("e", 0.9, 3)),
                Ranking.<Dept>desc(Dept::onTime).thenComparing(Ranking.desc(Dept::assigned)), Comparator.comparing(Dept::key));
        assertThat(ranked).extracting(r -> r.item().key() + r.rank()).containsExactly("e1", "a2", "b2", "c4", "d5");
    }
}
