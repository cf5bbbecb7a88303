package io.minyi.intake.open311;

import io.minyi.contracts.ChinaTime;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.minyi.intake.report.domain.Details;
import io.minyi.intake.report.domain.Report;
import io.minyi.contracts.ReportStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * A minyi report as an Open311 GeoReport v2 service request. Open while the office and departments
 * work on it; closed when closed or withdrawn. Personal details of the requester are never returned.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ServiceRequest(
        @JsonProperty("service_request_id") String serviceRequestId,
        @JsonProperty("status") String status,
        @JsonProperty("status_notes") String statusNotes,
        @JsonProperty("service_name") String serviceName,
        @JsonProperty("service_code") String serviceCode,
        @JsonProperty("description") String description,
        @JsonProperty("agency_responsible") String agencyResponsible,
        @JsonProperty("service_notice") String serviceNotice,
        @JsonProperty("requested_datetime") OffsetDateTime requestedDatetime,
        @JsonProperty("updated_datetime") OffsetDateTime updatedDatetime,
        @JsonProperty("expected_datetime") OffsetDateTime expectedDatetime,
        @JsonProperty("address") String address,
        @JsonProperty("address_id") String addressId,
        @JsonProperty("zipcode") String zipcode,
        @JsonProperty("lat") Double lat,
        @JsonProperty("long") Double lon,
        @JsonProperty("media_url") String mediaUrl) {

    static final ZoneId ZONE = ChinaTime.ZONE;
    public static final String NOTICE = "已收到，政协办公室将在当日编审。";
    private static final Set<ReportStatus> CLOSED = Set.of(ReportStatus.CLOSED, ReportStatus.WITHDRAWN,
            ReportStatus.REJECTED, ReportStatus.MERGED);

    public static String open311Status(ReportStatus status) {
        return CLOSED.contains(status) ? "closed" : "open";
    }

    public static Set<ReportStatus> statusesOf(String open311Status) {
        return "closed".equals(open311Status) ? CLOSED
                : java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(CLOSED));
    }

    /** The request for a report; {@code serviceName} and {@code agency} come from the reference lists. */
    public static ServiceRequest of(Report r, String serviceName, String agency) {
        Details d = r.details();
        return new ServiceRequest(r.id(), open311Status(r.status()), r.status().label(), serviceName, d.topic(),
                r.body(), agency, NOTICE, at(r.submittedAt()), at(r.statusAt()), null, d.location(), null, null,
                d.point() == null ? null : d.point().latitude(), d.point() == null ? null : d.point().longitude(),
                null);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atZone(ZONE).toOffsetDateTime();
    }
}
