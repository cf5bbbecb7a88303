package io.minyi.intake.reference.domain;

import io.minyi.contracts.OrgPath;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of a reference list. Topics and sectors are shared by a tree; a station and a department
 * belong to a body ({@code org}); an org entry's code is its path ({@code haikou/longhua}), and a root
 * body names the levels of its tree ({@code levelNames}: 省级, 市级, 区（县）级, 街镇). Entries are retired
 * ({@code active = false}), never deleted, since reports keep their codes.
 */
public record ReferenceEntry(ReferenceKind kind, String code, String name, OrgPath org, boolean active,
                             List<String> levelNames, DepartmentInfo department) {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    public static final int MAX_NAME = 50;
    public static final int MAX_LEVEL_NAME = 10;

    public ReferenceEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        levelNames = levelNames == null ? List.of() : List.copyOf(levelNames);
    }

    public ReferenceEntry(ReferenceKind kind, String code, String name, OrgPath org, boolean active) {
        this(kind, code, name, org, active, List.of(), null);
    }

    /** Whether {@code code} is well-formed for the kind: a path for orgs, a lower-case slug otherwise. */
    public static boolean isValidCode(ReferenceKind kind, String code) {
        return code != null && (kind == ReferenceKind.ORG ? OrgPath.isValid(code) : CODE.matcher(code).matches());
    }

    /** The body whose administrators maintain the entry: the org itself, a station's or department's body, or none. */
    public OrgPath owner() {
        return switch (kind) {
            case ORG -> OrgPath.of(code);
            case STATION, DEPARTMENT -> org;
            case TOPIC, SECTOR -> null;
        };
    }

    public ReferenceEntry withActive(boolean to) {
        return new ReferenceEntry(kind, code, name, org, to, levelNames, department);
    }
}
