package io.minyi.routing.workflow.domain;

import java.util.Objects;

/** The text and classification of a report as it stands; editors revise it, the author's original stays. */
public record Content(String title, String body, String topic, String sector, String urgency) {

    public Content {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
