package io.minyi.intake.lucene;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A Lucene directory for an index that is a projection (rebuilt at start): emptied when opened,
 * deleted when closed; memory-mapped, so the index lives off the heap.
 */
public final class ScratchDirectory {

    private ScratchDirectory() {
    }

    /** {@code configured}, or a fresh directory {@code <tmp>/minyi-<name>-<pid>-<random>} when it is blank. */
    public static Path path(String configured, String name) {
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "minyi-" + name + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8))
                : Path.of(configured);
    }

    /** Empties (or creates) the directory and opens it. */
    public static Directory open(Path dir) {
        try {
            delete(dir);
            Files.createDirectories(dir);
            return new MMapDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
