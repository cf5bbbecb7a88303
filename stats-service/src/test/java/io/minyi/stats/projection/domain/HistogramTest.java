package io.minyi.stats.projection.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistogramTest {

    @Test
    void bucketsAreHalfOpenAndTheLastIsOpenEnded() {
        assertThat(Histogram.bucket(0)).isZero();
        assertThat(Histogram.bucket(0.99)).isZero();
        assertThat(Histogram.bucket(1)).isEqualTo(1);
        assertThat(Histogram.bucket(23.9)).isEqualTo(5);
        assertThat(Histogram.bucket(24)).isEqualTo(6);
        assertThat(Histogram.bucket(100_000)).isEqualTo(Histogram.BOUNDS.length);
    }

    @Test
    void quantilesInterpolateInsideTheBucketHoldingTheRank() {
        // ten answers between 24 and 48 hours: the median half way, p90 at nine tenths
        assertThat(Histogram.quantile(Map.of(6, 10L), 0.5)).isEqualTo(36.0);
        assertThat(Histogram.quantile(Map.of(6, 10L), 0.9)).isEqualTo(45.6);
        assertThat(Histogram.quantile(Map.of(0, 1L, 10, 1L), 0.5)).isEqualTo(1.0);
        assertThat(Histogram.quantile(Map.of(), 0.5)).isNull();
    }
}
