package io.minyi.routing.workflow.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * An action on a report and the fields it uses: {@code start-editing}; {@code edit} (any of title,
 * body, topic, sector, urgency, and a note); {@code return} and {@code reject} (reason in
 * {@code comment}); {@code merge} ({@code into}); {@code sign-off}; {@code assign} (department,
 * optional deadline); {@code decide} (outcome {@code adopted} / {@code not-adopted}, comment; when adopted
 * {@code adoptionLevel} and {@code evidence}); {@code decide-reopen} ({@code approved}, comment, deadline);
 * {@code close} (comment); {@code decide-extension} ({@code approved}, comment); {@code return-reply}
 * (reason in {@code comment}); {@code urge} (催办: the note in {@code comment}); {@code forward} (to the leaders of the handling body's level) and
 * {@code forward-up} (to the body above); a leader's {@code instruct} (text in {@code comment},
 * {@code rank}, {@code ordersAssignment}, optional {@code leaderLevel}); the office's {@code record-instruction}
 * (录入批示: a leader without an account instructed on paper — {@code leaderName}, {@code rank} (post),
 * {@code leaderLevel}, {@code givenOn}, text in {@code comment}, {@code ordersAssignment}, the scanned page as
 * {@code scan}); the author's {@code resubmit} (title, body) and {@code withdraw} (reason
 * in {@code comment}). {@code expectedVersion} guards against overwriting someone else's change.
 */
public record TransitionRequest(
        @NotBlank(message = "{minyi.transition.action.required}")
        @Pattern(regexp = "start-editing|edit|return|resubmit|reject|merge|sign-off|forward|forward-up|instruct|record-instruction|assign|decide-extension|return-reply|urge|decide|close|decide-reopen|withdraw",
                message = "{minyi.transition.action.unknown}") String action,
        Long expectedVersion,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "{minyi.rule.department.syntax}") String department,
        @Size(max = 10, message = "{minyi.transition.cohandlers.size}")
        List<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "{minyi.rule.department.syntax}") String> coHandlers,
        LocalDate deadline,
        @Pattern(regexp = "adopted|not-adopted", message = "{minyi.transition.outcome.unknown}") String outcome,
        @Size(max = 2000, message = "{minyi.transition.comment.size}") String comment,
        @Size(max = 64) String into,
        @Size(max = 100, message = "{minyi.transition.title.size}") String title,
        @Size(max = 5000, message = "{minyi.transition.body.size}") String body,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "{minyi.transition.code}") String topic,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "{minyi.transition.code}") String sector,
        @Pattern(regexp = "normal|urgent|very-urgent", message = "{minyi.transition.urgency.unknown}") String urgency,
        @Size(max = 500, message = "{minyi.transition.note.size}") String note,
        @Size(max = 30, message = "{minyi.transition.rank.size}") String rank,
        Boolean ordersAssignment,
        Boolean approved,
        @Pattern(regexp = "department|district|city|province|national",
                message = "{minyi.transition.adoption-level.unknown}") String adoptionLevel,
        @Size(max = 2000, message = "{minyi.transition.evidence.size}") String evidence,
        @Size(max = 30, message = "{minyi.transition.leader-name.size}") String leaderName,
        @Pattern(regexp = "district|city|province|national", message = "{minyi.transition.leader-level.unknown}")
        String leaderLevel,
        LocalDate givenOn,
        @Valid Scan scan) {

    /** The scanned page of a paper instruction: an attachment the office uploaded to the report first. */
    public record Scan(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "{minyi.transition.scan.id}") String id,
                       @NotBlank @Size(max = 200) String name, @Size(max = 100) String contentType, long size,
                       @Size(max = 64) String sha256) {
    }
}
