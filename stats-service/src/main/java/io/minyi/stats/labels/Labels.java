package io.minyi.stats.labels;

import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.Rating;
import io.minyi.contracts.reference.ReferenceChanged;
import io.minyi.stats.projection.domain.Contribution;
import io.minyi.support.reference.ReferenceReplica;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Chinese names for the codes in the figures. Topics, sectors, stations, bodies and departments come
 * from this service's reference replica — the reference events intake-service publishes — so an entry
 * added or renamed by an administrator is named at once, and a retired one keeps its name; body levels
 * are named by the tree's root (省级 / 市级 / 区（县）级 / 街镇 …); channels, adoption levels and ratings
 * by the contracts. Members are named by their reports' events.
 */
@Component
public class Labels {

    private static final Map<String, String> CHANNELS = Map.of("own-observation", "自身调研观察", "visit", "走访/接访",
            "online", "线上征集", "micro-suggestion", "微建议", "consultation", "协商未解决转化");
    /** For a tree whose root names no levels. */
    private static final List<String> DEFAULT_LEVELS = List.of("一级", "二级", "三级", "四级", "五级", "六级");

    private final ReferenceReplica replica;

    public Labels(ReferenceReplica replica) {
        this.replica = replica;
    }

    /** The name of {@code value} in {@code dimension} for figures of {@code scope}; {@code names}: what events named. */
    public String of(String dimension, String value, Map<String, String> names, OrgPath scope) {
        if (Contribution.NONE_VALUE.equals(value)) {
            return "未分类";
        }
        if (Contribution.SELF.equals(value)) {
            return "本级";
        }
        String name = switch (dimension) {
            case "topic" -> replica.name("topics", value).orElse(null);
            case "sector" -> replica.name("sectors", value).orElse(null);
            case "station" -> replica.name("stations", value).orElse(null);
            case "department" -> department(value);
            case "body" -> org(value);
            case "channel" -> CHANNELS.get(value);
            case "level" -> level(value, scope);
            case "member" -> names.get("member." + value);
            default -> null;
        };
        return name != null ? name : value;
    }

    public String org(String path) {
        return replica.name("orgs", path).orElse(path);
    }

    /** A department's short name where it has one (lists and rankings are narrow), else its full name. */
    public String department(String code) {
        return replica.department(code).map(d -> d.department() != null && d.department().shortName() != null
                ? d.department().shortName() : d.name()).orElse(code);
    }

    /** The name of level {@code depth} (1 = the root) in the tree {@code scope} belongs to. */
    String level(String depth, OrgPath scope) {
        int d;
        try {
            d = Integer.parseInt(depth);
        } catch (NumberFormatException e) {
            return null;
        }
        List<String> levels = scope == null ? List.of() : replica.entry("orgs", scope.selfAndAncestors().get(0))
                .map(ReferenceChanged::levelNames).orElse(List.of());
        List<String> names = levels.isEmpty() ? DEFAULT_LEVELS : levels;
        return d >= 1 && d <= names.size() ? names.get(d - 1) : null;
    }

    public static String adoptionLevel(String wire) {
        return AdoptionLevel.fromWireName(wire).label();
    }

    public static String rating(String wire) {
        return Rating.fromWireName(wire).label();
    }
}
