package io.minyi.contracts.asyncapi;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.reference.ReferenceEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document in {@code src/main/resources/asyncapi/minyi.asyncapi.json} is what the contracts say
 * (regenerate with {@code ./mvnw -pl contracts test -Dtest=AsyncApiDocumentTest -Dasyncapi.write=true}),
 * every event type has a message and a golden file, and every golden file is valid against its message's
 * payload schema.
 */
class AsyncApiDocumentTest {

    static final Path COMMITTED = Path.of("src/main/resources/asyncapi/minyi.asyncapi.json");
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final ObjectNode DOC = AsyncApiDocument.build();
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    @Test
    void theCommittedDocumentIsWhatTheContractsSay() throws IOException {
        String generated = AsyncApiDocument.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(DOC) + "\n";
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(AsyncApiDocument.JSON.readTree(Files.readString(COMMITTED)))
                .as("%s is out of date: regenerate it (see this test's comment)", COMMITTED).isEqualTo(DOC);
    }

    @Test
    void isAnAsyncApi3DocumentWhoseReferencesAllResolve() {
        assertThat(DOC.get("asyncapi").asString()).isEqualTo("3.0.0");
        List<String> refs = new ArrayList<>();
        collectRefs(DOC, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(DOC.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            }
        }
        assertThat(DOC.at("/channels/reportEvents/address").asString()).isEqualTo("minyi.report-events.v1");
        assertThat(DOC.at("/channels/reportEventsDeadLetters/address").asString()).isEqualTo("minyi.report-events.v1.dlt");
        assertThat(DOC.at("/channels/audit/address").asString()).isEqualTo("minyi.audit.v1");
        assertThat(DOC.at("/channels/departmentFeed/address").asString()).isEqualTo("minyi.department.{department}.v1");
    }

    @Test
    void everyEventTypeHasAMessageWithItsPayloadAndAGoldenFile() throws IOException {
        List<String> goldenTypes = new ArrayList<>();
        for (Path file : goldenFiles()) {
            JsonNode event = AsyncApiDocument.JSON.readTree(Files.readString(file));
            goldenTypes.add(event.has("type") ? event.get("type").asString() : "audit");
        }
        for (Map<String, Class<?>> family : List.of(AsyncApiDocument.types(ReportEvent.class),
                AsyncApiDocument.types(ReferenceEvent.class))) {
            family.forEach((name, type) -> {
                assertThat(DOC.at("/components/messages/" + name.replace("/", "~1") + "/payload/$ref").asString())
                        .as(name).isEqualTo("#/components/schemas/" + name);
                assertThat(DOC.at("/components/schemas/" + name + "/properties/type/const").asString()).isEqualTo(name);
                assertThat(goldenTypes).as("a golden file of " + name).contains(name);
            });
        }
        assertThat(DOC.at("/components/schemas/report.submitted/properties/occurredAt/format").asString())
                .isEqualTo("date-time");
        assertThat(DOC.at("/components/schemas/report.outcome-decided/properties/adoptionLevel").toString())
                .contains("\"city\"");
    }

    @Test
    void everyGoldenFileIsValidAgainstItsMessagesPayloadSchema() throws IOException {
        List<Path> files = goldenFiles();
        assertThat(files).hasSizeGreaterThan(40);
        for (Path file : files) {
            JsonNode event = AsyncApiDocument.JSON.readTree(Files.readString(file));
            String message = event.has("type") ? event.get("type").asString() : "audit";
            List<Error> errors = schemaOf(message).validate(event);
            assertThat(errors).as(file + " against " + message).isEmpty();
        }
    }

    @Test
    void aGoldenFileWithAWrongTypeOrWithoutItsReportIsRejected() throws IOException {
        ObjectNode event = (ObjectNode) AsyncApiDocument.JSON.readTree(Files.readString(GOLDEN.resolve("report.assigned.v1.json")));
        event.put("deadline", 20261215);
        assertThat(schemaOf("report.assigned").validate(event)).isNotEmpty();
        event = (ObjectNode) AsyncApiDocument.JSON.readTree(Files.readString(GOLDEN.resolve("report.assigned.v1.json")));
        event.remove("reportId");
        assertThat(schemaOf("report.assigned").validate(event)).isNotEmpty();
        event = (ObjectNode) AsyncApiDocument.JSON.readTree(Files.readString(GOLDEN.resolve("report.assigned.v1.json")));
        event.putNull("eventId");
        assertThat(schemaOf("report.assigned").validate(event)).as("the common fields are never null").isNotEmpty();
    }

    private static List<Path> goldenFiles() throws IOException {
        try (Stream<Path> all = Files.walk(GOLDEN)) {
            return all.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Schema schemaOf(String message) {
        JsonNode payload = DOC.at("/components/schemas/" + message);
        assertThat(payload.isMissingNode()).as("schema of " + message).isFalse();
        return SCHEMAS.getSchema(AsyncApiDocument.JSON.writeValueAsString(payload), InputFormat.JSON);
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
