package io.minyi.intake.similarity.embedding;

import io.minyi.intake.similarity.DuplicateEvaluation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceEmbedderTest {

    @Test
    void aLongTextIsCoveredByFullWindowsFromItsStartToItsEnd() {
        String text = "字".repeat(1_234);
        List<String> windows = SentenceEmbedder.chunks(text);
        assertThat(windows).hasSize(3).allSatisfy(w -> assertThat(w).hasSize(SentenceEmbedder.CHUNK));
        assertThat(SentenceEmbedder.chunks("短文本")).containsExactly("短文本");
        assertThat(SentenceEmbedder.chunks("甲".repeat(500))).hasSize(1);
        String marked = "头" + "中".repeat(998) + "尾";
        List<String> two = SentenceEmbedder.chunks(marked);
        assertThat(two.get(0)).startsWith("头");
        assertThat(two.get(two.size() - 1)).endsWith("尾");
    }

    @Test
    void whatALongReportSaysAfterTheModelsFirst512TokensCounts() {
        var embedder = new SentenceEmbedder();
        var set = DuplicateEvaluation.load();
        String first = set.get(0).text();                    // about elevators
        String other = set.get(8).text() + set.get(9).text(); // about rural drinking water
        float[] alone = embedder.embed(first.substring(0, 500));
        float[] longer = embedder.embed(first.substring(0, 500) + other);
        double cosine = 0;
        for (int i = 0; i < alone.length; i++) {
            cosine += alone[i] * longer[i];
        }
        assertThat(cosine).as("the tail changes the embedding").isLessThan(0.95);
        double norm = 0;
        for (float x : longer) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(embedder.embed("")).hasSize(SentenceEmbedder.DIMENSIONS);
    }
}
