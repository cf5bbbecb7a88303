package io.minyi.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) keeping its data in an H2 MVStore file, for
 * local runs on machines without MongoDB. Not MongoDB: see platform notes for what it lacks.
 * Usage: {@code DevMongo <port> <data-file>}; stops cleanly on SIGTERM, flushing the file.
 */
public final class DevMongo {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DevMongo <port> <data-file>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        H2Backend backend = new IdFirstBackend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            backend.close();
        }, "dev-mongo-stop"));
        System.out.println("dev MongoDB stand-in listening on 127.0.0.1:" + port + ", data in " + file);
        Thread.currentThread().join();
    }

    private DevMongo() {
    }
}
