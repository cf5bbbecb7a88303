package io.minyi.routing.timeline.domain;

import io.minyi.contracts.EventCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineEntryTest {

    static final Path GOLDEN = Path.of("../contracts/src/test/resources/golden");

    static Map<String, Object> golden(Path file) {
        try {
            return EventCodec.MAPPER.readValue(Files.readString(file), new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> reportEvents() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.filter(f -> f.getFileName().toString().startsWith("report.")
                    || f.getFileName().toString().startsWith("assignment.")).sorted().toList();
        }
    }

    @Test
    void detailsAreListedInTheOrderOfTheirNamesWhateverOrderTheyCameIn() {
        Map<String, Object> stored = new java.util.LinkedHashMap<>();
        stored.put("urgency", "normal");
        stored.put("department", "haikou-housing");
        stored.put("channel", "own-observation");
        TimelineEntry entry = new TimelineEntry("e1", "report.submitted", Instant.EPOCH, "haikou", "u1", "王委员",
                "member", stored);
        assertThat(entry.details().keySet()).containsExactly("channel", "department", "urgency");
    }

    @Test
    void everyGoldenReportEventBecomesAnEntryWithItsEnvelopeApartAndWithoutTheReportsText() throws IOException {
        List<Path> files = reportEvents();
        assertThat(files).hasSizeGreaterThan(30);
        for (Path file : files) {
            Map<String, Object> event = golden(file);
            TimelineEntry e = TimelineEntry.of(event);
            assertThat(e.type()).as(file.toString()).isEqualTo(event.get("type"));
            assertThat(e.at()).isEqualTo(Instant.parse((String) event.get("occurredAt")));
            assertThat(e.org()).isEqualTo(event.get("org"));
            assertThat(e.actorRole()).isNotBlank();
            assertThat(e.details()).as(file.toString()).doesNotContainKeys("type", "eventId", "occurredAt",
                    "reportId", "org", "actor", "title", "body", "summary");
        }
    }

    @Test
    void anInstructionKeepsWhatTheLeaderSetAndTheAuthorSeesOnlyTheStep() {
        TimelineEntry e = TimelineEntry.of(golden(GOLDEN.resolve("report.instructed.v1.json")));
        assertThat(e.actorName()).as("the editor who entered the paper instruction").isEqualTo("李编辑");
        assertThat(e.details()).containsEntry("rank", "副市长").containsEntry("ordersAssignment", true)
                .containsEntry("text", "请市住建局牵头研究，简化审批流程。").containsEntry("leaderName", "陈志强")
                .containsEntry("leaderLevel", "city").containsEntry("givenOn", "2026-11-23");

        TimelineEntry seen = e.forAuthor("u-member");
        assertThat(seen.type()).isEqualTo("report.instructed");
        assertThat(seen.actorName()).isNull();
        assertThat(seen.actorRole()).isEqualTo("editor");
        assertThat(seen.details()).isEmpty();
    }

    @Test
    void theAuthorSeesTheirOwnNameOnTheirOwnSteps() {
        TimelineEntry e = TimelineEntry.of(golden(GOLDEN.resolve("report.submitted.v1.json"))).forAuthor("u-member");
        assertThat(e.actorName()).isEqualTo("王委员");
    }

    @Test
    void longTextsAreCutAndEmptyFieldsLeftOut() {
        Map<String, Object> event = new HashMap<>(golden(GOLDEN.resolve("report.instructed.v1.json")));
        event.put("text", "批".repeat(TimelineEntry.LONGEST_TEXT + 50));
        event.put("coHandlers", List.of());
        event.put("comment", " ");
        TimelineEntry e = TimelineEntry.of(event);
        assertThat((String) e.details().get("text")).hasSize(TimelineEntry.LONGEST_TEXT + 1).endsWith("…");
        assertThat(e.details()).doesNotContainKeys("coHandlers", "comment");
    }
}
