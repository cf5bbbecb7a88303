package io.minyi.stats.labels;

import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.Rating;
import io.minyi.stats.projection.domain.Contribution;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Chinese names for the codes in the figures: topics, sectors, stations and bodies from the seeded
 * reference catalogue (codes added later show as themselves), channels, body levels, adoption levels
 * and ratings. Members are named by their reports' events.
 */
@Component
public class Labels {

    private static final Map<String, String> CHANNELS = Map.of("own-observation", "自身调研观察", "visit", "走访/接访",
            "online", "线上征集", "micro-suggestion", "微建议", "consultation", "协商未解决转化");
    private static final Map<String, String> LEVELS = Map.of("1", "市级", "2", "区（县）级", "3", "街镇活动组");
    private final Map<String, Map<String, String>> catalogue = new HashMap<>();

    public Labels() {
        try (InputStream in = getClass().getResourceAsStream("/reference/catalog.json")) {
            if (in != null) {
                JsonNode root = JsonMapper.builder().build().readTree(in.readAllBytes());
                for (String kind : new String[]{"topics", "sectors", "stations", "orgs"}) {
                    Map<String, String> names = new HashMap<>();
                    root.path(kind).forEach(n -> names.put(n.path("code").asString(), n.path("name").asString()));
                    catalogue.put(kind, names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name of {@code value} in {@code dimension}; {@code names} holds what the events named (members). */
    public String of(String dimension, String value, Map<String, String> names) {
        if (Contribution.NONE_VALUE.equals(value)) {
            return "未分类";
        }
        if (Contribution.SELF.equals(value)) {
            return "本级";
        }
        String name = switch (dimension) {
            case "topic" -> catalogue.getOrDefault("topics", Map.of()).get(value);
            case "sector" -> catalogue.getOrDefault("sectors", Map.of()).get(value);
            case "station" -> catalogue.getOrDefault("stations", Map.of()).get(value);
            case "body" -> org(value);
            case "channel" -> CHANNELS.get(value);
            case "level" -> LEVELS.get(value);
            case "member" -> names.get("member." + value);
            default -> null;
        };
        return name != null ? name : value;
    }

    public String org(String path) {
        return catalogue.getOrDefault("orgs", Map.of()).getOrDefault(path, path);
    }

    public static String adoptionLevel(String wire) {
        return AdoptionLevel.fromWireName(wire).label();
    }

    public static String rating(String wire) {
        return Rating.fromWireName(wire).label();
    }
}
