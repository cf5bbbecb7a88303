package io.minyi.routing.workflow.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * An office action on a report: {@code sign-off}, {@code assign} (department, optional deadline) or
 * {@code close} (outcome {@code adopted} / {@code not-adopted}, optional comment); or the author's
 * {@code withdraw} (optional reason in {@code comment}) while the office has not started on it.
 */
public record TransitionRequest(
        @NotBlank(message = "{minyi.transition.action.required}")
        @Pattern(regexp = "sign-off|assign|close|withdraw", message = "{minyi.transition.action.unknown}") String action,
        Long expectedVersion,
        @Size(max = 64) String department,
        LocalDate deadline,
        @Pattern(regexp = "adopted|not-adopted", message = "{minyi.transition.outcome.unknown}") String outcome,
        @Size(max = 2000) String comment) {
}
