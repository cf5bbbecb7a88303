package io.minyi.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;

/**
 * Points a test's Spring context at an in-memory MongoDB wire-protocol server (mongo-java-server),
 * one per JVM on a free port, stopped when the JVM exits. Where a Docker engine exists, a real
 * {@code mongo} container can take its place through {@code MINYI_TEST_MONGO_URI}.
 */
public final class MongoStandIn implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static String uri;

    public static synchronized String uri() {
        String external = System.getenv("MINYI_TEST_MONGO_URI");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (uri == null) {
            MongoServer server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-stand-in-stop"));
            uri = "mongodb://127.0.0.1:" + address.getPort();
        }
        return uri;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.mongodb.uri=" + uri()).applyTo(context);
    }
}
