package io.minyi.intake.report.domain;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportStatus;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.privacy.PersonalDataScanner;
import io.minyi.privacy.PersonalKind;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A report as its author submitted it: the text is kept here unchanged but for contact details, which
 * are masked in it (their originals and the constituent live sealed beside it, see {@link PersonalData});
 * the status follows the workflow.
 *
 * @param personal    the kinds of personal information the report holds (classification, PIPL)
 * @param constituent the constituent, masked ({@link Constituent#NONE} if none was recorded)
 */
public record Report(String id, OrgPath org, Actor author, String title, String body, Details details,
                     Instant submittedAt, ReportStatus status, Instant statusAt, Set<PersonalKind> personal,
                     Constituent constituent) {

    static final int SUMMARY_LENGTH = 120;

    public Report {
        // in the kinds' own order on every JVM (Set.copyOf's order is salted per JVM)
        personal = personal.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(personal));
    }

    /**
     * The id of a submission made with a client-chosen idempotency key: derived from the author and
     * the key, so a retried submission can only ever name the same report.
     */
    public static String idempotentId(Actor author, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("idempotency:" + author.id() + ":" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Submits report {@code id} to the author's body; returns the report (contact details masked), its
     * event (only masked text) and its personal data in plain, to be sealed.
     */
    public static Submission submit(String id, OrgPath org, Actor author, String title, String body,
                                    Details details, Constituent constituent, PersonalDataScanner scanner, Instant now) {
        PersonalData.Masker masker = new PersonalData.Masker(scanner);
        String maskedTitle = masker.mask("title", title.strip());
        String maskedBody = masker.mask("body", body.strip());
        Details maskedDetails = details.withTexts(masker.mask("suggestions", details.suggestions()),
                masker.mask("location", details.location()));
        PersonalData personal = masker.with(constituent);
        Report report = new Report(id, org, author, maskedTitle, maskedBody, maskedDetails, now, ReportStatus.SUBMITTED,
                now, personal.kinds(), constituent.masked());
        ReportSubmitted event = new ReportSubmitted(UUID.randomUUID(), now, report.id, org, author,
                report.title, report.summary(), report.body, maskedDetails.channel().wireName(), maskedDetails.topic(),
                maskedDetails.sector(), maskedDetails.urgency().wireName(), maskedDetails.coAuthors(), maskedDetails.station(),
                maskedDetails.constituents());
        return new Submission(report, event, personal);
    }

    public String summary() {
        return body.length() <= SUMMARY_LENGTH ? body : body.substring(0, SUMMARY_LENGTH) + "…";
    }

    public record Submission(Report report, ReportSubmitted event, PersonalData personal) {
    }
}
