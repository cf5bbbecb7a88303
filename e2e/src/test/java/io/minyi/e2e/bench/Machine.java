package io.minyi.e2e.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The machine and versions a benchmark ran on, for its results. */
final class Machine {

    private Machine() {
    }

    static String describe() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + (memKb / 1024 / 1024)
                + " GiB; Java " + System.getProperty("java.version") + "; Kafka 4.1.2 (KRaft, one broker, in-process "
                + "as the README's platform runs it), MongoDB wire-protocol stand-in (mongo-java-server, H2 MVStore file), "
                + "Keycloak 26.5.5; everything (platform and load generator) on this one machine; "
                + java.time.LocalDate.now() + ".";
    }
}
