package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The path of a CPPCC body in the hierarchy, e.g. {@code haikou}, {@code haikou/longhua},
 * {@code haikou/longhua/jinyu}. A body sees its own items and those of the bodies below it.
 */
public record OrgPath(String value) {

    private static final Pattern SYNTAX = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}(/[a-z0-9][a-z0-9-]{0,39}){0,5}");

    public OrgPath {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid org path: " + value);
        }
    }

    @JsonCreator
    public static OrgPath of(String value) {
        return new OrgPath(value);
    }

    public static boolean isValid(String value) {
        return value != null && SYNTAX.matcher(value).matches();
    }

    /** True when {@code other} is this body or one of the bodies below it. */
    public boolean covers(OrgPath other) {
        return other.value.equals(value) || other.value.startsWith(value + "/");
    }

    /** True when {@code other} is this body, a body above it or a body below it (one line of the tree, no sibling). */
    public boolean onLineWith(OrgPath other) {
        return covers(other) || other.covers(this);
    }

    /** This body and every body above it, top first: {@code [haikou, haikou/longhua]}. */
    public List<String> selfAndAncestors() {
        List<String> paths = new ArrayList<>();
        int slash = -1;
        while ((slash = value.indexOf('/', slash + 1)) >= 0) {
            paths.add(value.substring(0, slash));
        }
        paths.add(value);
        return List.copyOf(paths);
    }

    /** The body one level up, if this is not a top-level body. */
    public java.util.Optional<OrgPath> parent() {
        int slash = value.lastIndexOf('/');
        return slash < 0 ? java.util.Optional.empty() : java.util.Optional.of(new OrgPath(value.substring(0, slash)));
    }

    public int depth() {
        return selfAndAncestors().size();
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
