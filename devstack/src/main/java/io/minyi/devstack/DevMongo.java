package io.minyi.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
        // every minute, the filters answered by reading a whole collection (the stand-in uses no secondary index)
        var scans = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dev-mongo-scans");
            t.setDaemon(true);
            return t;
        });
        scans.scheduleAtFixedRate(DevMongo::reportScans, 60, 60, java.util.concurrent.TimeUnit.SECONDS);
        Thread.currentThread().join();
    }

    private static void reportScans() {
        var top = IdFirstBackend.SCANS.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().getAndSet(0)))
                .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10).toList();
        if (!top.isEmpty()) {
            System.out.println("full-collection scans in the last minute: " + top);
        }
    }

    private DevMongo() {
    }
}
