package io.minyi.contracts;

import java.util.Objects;

/** A stored file an event refers to (a reply letter, evidence): id, file name, type, size and SHA-256. */
public record FileRef(String id, String name, String contentType, long size, String sha256) {

    public FileRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
