package io.minyi.intake.report.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What an author sends to submit a report, or saves as a draft; {@code org} defaults to the author's
 * own body. Codes of topic, sector and station come from {@code GET /api/reference}. The size and
 * syntax rules hold for drafts too; the {@link Complete} rules only for submission.
 */
public record SubmitReportRequest(
        @NotBlank(message = "{minyi.report.title.required}", groups = SubmitReportRequest.Complete.class)
        @Size(max = 100, message = "{minyi.report.title.size}") String title,
        @NotBlank(message = "{minyi.report.body.required}", groups = SubmitReportRequest.Complete.class)
        @Size(max = 5000, message = "{minyi.report.body.size}") String body,
        String org,
        @Pattern(regexp = "own-observation|visit|online|micro-suggestion|consultation",
                message = "{minyi.report.channel.unknown}") String channel,
        @Size(max = 64, message = "{minyi.report.code.size}") String station,
        @Min(value = 1, message = "{minyi.report.constituents.range}")
        @Max(value = 100000, message = "{minyi.report.constituents.range}") Integer constituents,
        @Size(max = 64, message = "{minyi.report.code.size}") String consultationRef,
        @Size(max = 10, message = "{minyi.report.coauthors.size}")
        List<@NotBlank(message = "{minyi.report.coauthor.name}") @Size(max = 30, message = "{minyi.report.coauthor.name}") String> coAuthors,
        @Size(max = 64, message = "{minyi.report.code.size}") String topic,
        @Size(max = 64, message = "{minyi.report.code.size}") String sector,
        @Size(max = 200, message = "{minyi.report.location.size}") String location,
        @Pattern(regexp = "normal|urgent|very-urgent", message = "{minyi.report.urgency.unknown}") String urgency,
        @Size(max = 3000, message = "{minyi.report.suggestions.size}") String suggestions,
        @Pattern(regexp = "none|phone|message", message = "{minyi.report.contact.unknown}") String contact,
        @DecimalMin(value = "-90", message = "{minyi.report.latitude.range}")
        @DecimalMax(value = "90", message = "{minyi.report.latitude.range}") Double latitude,
        @DecimalMin(value = "-180", message = "{minyi.report.longitude.range}")
        @DecimalMax(value = "180", message = "{minyi.report.longitude.range}") Double longitude,
        @jakarta.validation.Valid ConstituentRequest constituent) {

    /**
     * The constituent the concern came from, if the author records them (personal information: stored
     * encrypted, shown masked, revealed only to the office and, for name and phone, the assigned department).
     */
    public record ConstituentRequest(
            @Size(max = 30, message = "{minyi.report.constituent.name.size}") String name,
            @Size(max = 20, message = "{minyi.report.constituent.phone.invalid}") String phone,
            @Size(max = 18, message = "{minyi.report.constituent.id.invalid}") String idNumber,
            @Size(max = 200, message = "{minyi.report.constituent.address.size}") String address) {
    }

    /** Validation group of the rules a submitted report must meet and a draft need not. */
    public interface Complete {
    }
}
