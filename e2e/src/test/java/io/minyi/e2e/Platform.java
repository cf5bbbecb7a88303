package io.minyi.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running platform for every end-to-end class: started before the first class that needs it,
 * stopped (by PID, through {@code ./minyi down}) when the whole run ends.
 */
final class Platform implements BeforeAllCallback {

    static Stack stack;
    static Api api;

    private record Started(Stack stack) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stack.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Started.class, k -> start(), Started.class);
    }

    private static Started start() {
        try {
            Stack s = new Stack();
            try {
                s.start();
            } catch (Exception e) {
                s.close();
                throw e;
            }
            stack = s;
            api = new Api(s);
            return new Started(s);
        } catch (Exception e) {
            throw new IllegalStateException("the platform did not start", e);
        }
    }
}
