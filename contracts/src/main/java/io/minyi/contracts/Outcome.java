package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The outcome of a report that counts in statistics (采纳 / 未采纳). */
public enum Outcome {
    @JsonProperty("adopted") ADOPTED,
    @JsonProperty("not-adopted") NOT_ADOPTED
}
