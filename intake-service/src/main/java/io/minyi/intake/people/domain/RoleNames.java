package io.minyi.intake.people.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The minyi roles as a roster names them (委员, 信息员, …) and as Keycloak holds them (member, officer, …). */
public final class RoleNames {

    /** Code → the name on the roster, in the order the roster lists them. */
    public static final Map<String, String> LABELS;

    static {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("member", "委员");
        labels.put("officer", "信息员");
        labels.put("editor", "信息编辑");
        labels.put("leader", "领导");
        labels.put("department", "承办单位");
        labels.put("admin", "系统管理员");
        labels.put("security-admin", "安全管理员");
        labels.put("auditor", "审计员");
        LABELS = java.util.Collections.unmodifiableMap(labels);
    }

    private RoleNames() {
    }

    /** A role given by its name or code. */
    public static Optional<String> code(String nameOrCode) {
        String v = nameOrCode.strip();
        if (LABELS.containsKey(v)) {
            return Optional.of(v);
        }
        return LABELS.entrySet().stream().filter(e -> e.getValue().equals(v) || ("安全保密管理员".equals(v)
                && e.getKey().equals("security-admin"))).map(Map.Entry::getKey).findFirst();
    }

    /** The names of one cell: separated by 、，, ; or spaces. */
    public static List<String> split(String cell) {
        List<String> parts = new ArrayList<>();
        for (String p : cell.split("[、，,；;\\s]+")) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return parts;
    }

    public static String label(List<String> roles) {
        return String.join("、", roles.stream().map(r -> LABELS.getOrDefault(r, r)).toList());
    }
}
