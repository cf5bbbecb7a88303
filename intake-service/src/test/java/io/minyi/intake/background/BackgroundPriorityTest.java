package io.minyi.intake.background;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BackgroundPriorityTest {

    @Test
    void aBackgroundThreadRunsAtNiceNineteenAndOthersKeepTheirPriority() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "setpriority is Linux's");
        AtomicReference<Integer> before = new AtomicReference<>();
        AtomicReference<Integer> after = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            before.set(BackgroundPriority.niceness());
            BackgroundPriority.enter();
            BackgroundPriority.enter(); // once per thread
            after.set(BackgroundPriority.niceness());
        });
        worker.start();
        worker.join();
        assertThat(after.get()).isEqualTo(19);
        assertThat(before.get()).isNotEqualTo(19);
        assertThat(BackgroundPriority.niceness()).as("the test's own thread").isEqualTo(before.get());
    }
}
