package io.minyi.intake.similarity.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {

    @Test
    void identicalTextsScoreOneAndPunctuationOrSpacingDoesNotMatter() {
        Fingerprint a = Fingerprint.of("公交站台缺少遮阳棚，建议加装。");
        assertThat(a.similarity(Fingerprint.of("公交站台缺少遮阳棚，建议加装。"))).isEqualTo(1.0);
        assertThat(a.similarity(Fingerprint.of("公交站台 缺少遮阳棚!建议加装"))).isEqualTo(1.0);
        assertThat(a.similarity(Fingerprint.of("背街小巷路灯不亮，夜间出行不安全。"))).isLessThan(0.1);
    }
}
