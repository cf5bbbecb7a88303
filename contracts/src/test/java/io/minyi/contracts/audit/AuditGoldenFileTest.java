package io.minyi.contracts.audit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the audit log's wire format: auditors' tools and the store read it for years. */
class AuditGoldenFileTest {

    static final AuditEvent REVEAL = new AuditEvent(UUID.fromString("00000000-0000-4000-8000-0000000000a1"),
            Instant.parse("2026-11-24T02:30:00Z"), AuditEvent.Actions.PERSONAL_DATA_REVEALED, "u-editor", "陈编辑",
            "editor", "haikou/longhua", "r-0b9d2c64", AuditEvent.SUCCESS, "电话回访群众", "intake-service",
            "req-123456", "10.0.0.8", Map.of("fields", "constituent.name,constituent.phone"));

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void encodesAndDecodesExactlyAsTheGoldenFile() throws IOException {
        assertThat(json.readTree(AuditCodec.toJson(REVEAL))).isEqualTo(golden());
        assertThat(AuditCodec.fromJson(json.writeValueAsBytes(golden()))).isEqualTo(REVEAL);
    }

    @Test
    void toleratesFieldsAddedLater() throws IOException {
        ObjectNode node = (ObjectNode) golden();
        node.put("addedLater", 1);
        assertThat(AuditCodec.fromJson(json.writeValueAsBytes(node))).isEqualTo(REVEAL);
    }

    @Test
    void detailsAreWrittenInNameOrderOnEveryJvm() {
        Map<String, String> given = new java.util.LinkedHashMap<>();
        given.put("rows", "12");
        given.put("format", "xlsx");
        given.put("filter", "state=assigned");
        AuditEvent export = new AuditEvent(REVEAL.eventId(), REVEAL.occurredAt(), "report.exported", "u-editor", "陈编辑",
                "editor", "haikou", null, AuditEvent.SUCCESS, null, "intake-service", null, null, given);
        assertThat(new String(AuditCodec.toJson(export), java.nio.charset.StandardCharsets.UTF_8))
                .containsSubsequence("\"filter\"", "\"format\"", "\"rows\"");
    }

    private JsonNode golden() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/audit.personal-data-revealed.v1.json")) {
            return json.readTree(in);
        }
    }
}
