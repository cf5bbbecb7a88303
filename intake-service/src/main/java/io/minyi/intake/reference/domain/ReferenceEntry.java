package io.minyi.intake.reference.domain;

import io.minyi.contracts.OrgPath;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of a reference list. Topics and sectors are city-wide; a station belongs to a body
 * ({@code org}); an org entry's code is its path ({@code haikou/longhua}). Entries are retired
 * ({@code active = false}), never deleted, since reports keep their codes.
 */
public record ReferenceEntry(ReferenceKind kind, String code, String name, OrgPath org, boolean active) {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    public static final int MAX_NAME = 50;

    public ReferenceEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }

    /** Whether {@code code} is well-formed for the kind: a path for orgs, a lower-case slug otherwise. */
    public static boolean isValidCode(ReferenceKind kind, String code) {
        return code != null && (kind == ReferenceKind.ORG ? OrgPath.isValid(code) : CODE.matcher(code).matches());
    }

    /** The body whose administrators maintain the entry: the org itself, a station's body, or the city. */
    public OrgPath owner() {
        return switch (kind) {
            case ORG -> OrgPath.of(code);
            case STATION -> org;
            case TOPIC, SECTOR -> null;
        };
    }
}
