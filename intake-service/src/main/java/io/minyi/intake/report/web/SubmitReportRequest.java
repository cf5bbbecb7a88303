package io.minyi.intake.report.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an author sends to submit a report; {@code org} defaults to the author's own body. */
public record SubmitReportRequest(
        @NotBlank(message = "{minyi.report.title.required}")
        @Size(max = 100, message = "{minyi.report.title.size}") String title,
        @NotBlank(message = "{minyi.report.body.required}")
        @Size(max = 5000, message = "{minyi.report.body.size}") String body,
        String org) {
}
