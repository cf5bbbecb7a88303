package io.minyi.routing.workflow.domain;

import io.minyi.contracts.Actor;

import java.util.List;

/** The author (and co-authors) of a report merged into this one: credited here as well. */
public record Contributor(String reportId, Actor author, List<String> coAuthors) {
}
