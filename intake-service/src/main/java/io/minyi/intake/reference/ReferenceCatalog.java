package io.minyi.intake.reference;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The reference data reports are classified by: topics, sectors (界别) and liaison stations, seeded
 * for the demo city from {@code reference/catalog.json}.
 */
@RestController
public class ReferenceCatalog {

    public record Entry(String code, String name, String org) {
    }

    public record Catalog(List<Entry> topics, List<Entry> sectors, List<Entry> stations) {
    }

    private final Catalog catalog;

    public ReferenceCatalog() {
        try (InputStream in = getClass().getResourceAsStream("/reference/catalog.json")) {
            catalog = JsonMapper.builder().build().readValue(in, Catalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything a submission form offers; any signed-in user may read it. */
    @GetMapping("/api/reference")
    public Catalog catalog() {
        return catalog;
    }

    public boolean isTopic(String code) {
        return catalog.topics().stream().anyMatch(e -> e.code().equals(code));
    }

    public boolean isSector(String code) {
        return catalog.sectors().stream().anyMatch(e -> e.code().equals(code));
    }

    public boolean isStation(String code) {
        return catalog.stations().stream().anyMatch(e -> e.code().equals(code));
    }
}
