package io.minyi.testsupport;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainersTest {

    private final AtomicInteger asked = new AtomicInteger();

    private BooleanSupplier docker(boolean answers) {
        return () -> {
            asked.incrementAndGet();
            return answers;
        };
    }

    @Test
    void byDefaultContainersAreUsedExactlyWhenADockerEngineAnswers() {
        assertThat(Containers.decide(null, docker(true))).isTrue();
        assertThat(Containers.decide(" AUTO ", docker(false))).isFalse();
        assertThat(asked).hasValue(2);
    }

    @Test
    void offNeverAsksDockerAndOnFailsWithoutIt() {
        assertThat(Containers.decide("off", docker(true))).isFalse();
        assertThat(asked).hasValue(0);
        assertThat(Containers.decide("on", docker(true))).isTrue();
        assertThatThrownBy(() -> Containers.decide("on", docker(false))).hasMessageContaining("no Docker engine");
    }

    @Test
    void aMisspeltSettingIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> Containers.decide("yes", docker(true))).hasMessageContaining("auto, on or off");
    }
}
