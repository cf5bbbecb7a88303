package io.minyi.intake.report.web;

import io.minyi.intake.report.domain.Details;
import io.minyi.intake.report.domain.Report;

import io.minyi.privacy.PersonalKind;

import java.time.Instant;
import java.util.List;

public record ReportView(String id, String org, String title, String body, Author author, Instant submittedAt,
                         String status, String statusLabel,
                         String channel, String channelLabel, String station, Integer constituents,
                         String consultationRef, List<String> coAuthors, String topic, String sector, String location,
                         String urgency, String urgencyLabel, String suggestions, String contact, Double latitude,
                         Double longitude, Personal personal) {

    /**
     * What personal information the report holds (kinds, with their zh-CN names) and the constituent,
     * masked; the full values only through {@code POST /api/reports/{id}/personal-data}.
     */
    public record Personal(List<String> kinds, List<String> labels, Constituent constituent) {
        static Personal of(Report r) {
            List<PersonalKind> kinds = r.personal().stream().sorted().toList();
            var c = r.constituent();
            return new Personal(kinds.stream().map(PersonalKind::wireName).toList(),
                    kinds.stream().map(PersonalKind::label).toList(),
                    c.isEmpty() ? null : new Constituent(c.name(), c.phone(), c.idNumber(), c.address()));
        }
    }

    public record Constituent(String name, String phone, String idNumber, String address) {
    }

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
                d.point() == null ? null : d.point().longitude(), Personal.of(r));
    }
}
