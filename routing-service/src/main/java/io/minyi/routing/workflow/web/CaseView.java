package io.minyi.routing.workflow.web;

import io.minyi.routing.workflow.domain.ReportCase;

import java.time.LocalDate;

public record CaseView(String id, String org, String title, String status, String statusLabel, long version,
                       String department, LocalDate deadline, String response, String outcome) {

    static CaseView of(ReportCase c) {
        return new CaseView(c.id(), c.org().value(), c.title(), c.status().wireName(), c.status().label(),
                c.version(), c.department(), c.deadline(), c.response(),
                c.outcome() == null ? null : c.outcome().name().toLowerCase().replace('_', '-'));
    }
}
