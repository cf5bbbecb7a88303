package io.minyi.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.mongodb.MongoDBContainer;

import java.net.InetSocketAddress;

/**
 * Points a test's Spring context at MongoDB, one per JVM, stopped when the JVM exits: the MongoDB at
 * {@code MINYI_TEST_MONGO_URI} if set, else a MongoDB 8 container where {@link Containers#enabled()}, else an
 * in-memory MongoDB wire-protocol server (mongo-java-server) on a free port.
 */
public final class MongoStandIn implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static String uri;

    public static synchronized String uri() {
        String external = System.getenv("MINYI_TEST_MONGO_URI");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (uri == null && Containers.enabled()) {
            MongoDBContainer mongo = new MongoDBContainer(Containers.MONGO); // a one-member replica set
            mongo.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::stop, "mongo-container-stop"));
            uri = mongo.getConnectionString();
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
