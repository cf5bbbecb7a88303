package io.minyi.intake.report.web;

import io.minyi.intake.report.domain.Report;

import java.time.Instant;

public record ReportView(String id, String org, String title, String body, Author author, Instant submittedAt) {

    public record Author(String id, String name, String role) {
    }

    static ReportView of(Report r) {
        return new ReportView(r.id(), r.org().value(), r.title(), r.body(),
                new Author(r.author().id(), r.author().name(), r.author().role()), r.submittedAt());
    }
}
