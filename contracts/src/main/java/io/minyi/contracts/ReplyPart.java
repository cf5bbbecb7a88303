package io.minyi.contracts;

import java.util.List;
import java.util.Objects;

/** A co-handling department's part (会办意见) merged into the lead department's answer. */
public record ReplyPart(String department, String text, List<FileRef> attachments) {

    public ReplyPart {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(text, "text");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
