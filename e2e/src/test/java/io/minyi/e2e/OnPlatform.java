package io.minyi.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** An end-to-end suite on the one running platform ({@link Platform}), through its gateway. */
@ExtendWith(Platform.class)
abstract class OnPlatform {

    static Stack stack;
    static Api api;

    @BeforeAll
    static void platform() {
        stack = Platform.stack;
        api = Platform.api;
    }
}
