package io.minyi.intake.report.web;

import io.minyi.intake.report.domain.Details;
import io.minyi.intake.report.domain.Report;

import java.time.Instant;
import java.util.List;

public record ReportView(String id, String org, String title, String body, Author author, Instant submittedAt,
                         String status, String statusLabel,
                         String channel, String channelLabel, String station, Integer constituents,
                         String consultationRef, List<String> coAuthors, String topic, String sector, String location,
                         String urgency, String urgencyLabel, String suggestions, String contact, Double latitude,
                         Double longitude) {

    public record Author(String id, String name, String role) {
    }

    public static ReportView of(Report r) {
        Details d = r.details();
        return new ReportView(r.id(), r.org().value(), r.title(), r.body(),
                new Author(r.author().id(), r.author().name(), r.author().role()), r.submittedAt(),
                r.status().wireName(), r.status().label(),
                d.channel().wireName(), d.channel().label(), d.station(), d.constituents(), d.consultationRef(),
                d.coAuthors(), d.topic(), d.sector(), d.location(), d.urgency().wireName(), d.urgency().label(),
                d.suggestions(), d.contact().wireName(), d.point() == null ? null : d.point().latitude(),
                d.point() == null ? null : d.point().longitude());
    }
}
