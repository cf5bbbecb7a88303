package io.minyi.contracts.reference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the reference events' wire format: every service's copy of the lists is built from it. */
class ReferenceGoldenFileTest {

    public static final ReferenceChanged DEPARTMENT = new ReferenceChanged(
            UUID.fromString("00000000-0000-4000-8000-0000000000d1"), Instant.parse("2026-12-01T02:00:00Z"), "admin", 3,
            "departments", "longhua-housing", "海口市龙华区住房和城乡建设局", "haikou/longhua", true, List.of(),
            new ReferenceChanged.Department("龙华区住建局", "party-government", "王科长", "0898-66123456",
                    "zjj@longhua.example.gov.cn"));
    public static final ReferenceChanged ROOT = new ReferenceChanged(
            UUID.fromString("00000000-0000-4000-8000-0000000000d2"), Instant.parse("2026-12-01T02:00:00Z"), "seed", 1,
            "orgs", "hainan", "海南省政协", null, true, List.of("省级", "市级", "区（县）级", "街镇"), null);
    public static final CalendarChanged CALENDAR = new CalendarChanged(
            UUID.fromString("00000000-0000-4000-8000-0000000000d3"), Instant.parse("2026-12-01T02:00:00Z"), "admin", 2,
            2027, List.of(LocalDate.parse("2027-01-01")), List.of(LocalDate.parse("2027-02-20")), "国办发明电〔2026〕7号");

    static Stream<Object[]> events() {
        return Stream.of(new Object[]{"reference.department-changed.v1.json", DEPARTMENT},
                new Object[]{"reference.org-changed.v1.json", ROOT},
                new Object[]{"reference.calendar-changed.v1.json", CALENDAR});
    }

    final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @MethodSource("events")
    void encodesAndDecodesExactlyAsTheGoldenFile(String file, ReferenceEvent event) throws IOException {
        assertThat(json.readTree(ReferenceCodec.toJson(event))).isEqualTo(golden(file));
        assertThat(ReferenceCodec.fromJson(json.writeValueAsBytes(golden(file)))).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("events")
    void toleratesFieldsAddedLater(String file, ReferenceEvent event) throws IOException {
        ObjectNode node = (ObjectNode) golden(file);
        node.put("addedLater", 1);
        assertThat(ReferenceCodec.fromJson(json.writeValueAsBytes(node))).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("events")
    void keysByListAndCode(String file, ReferenceEvent event) {
        assertThat(event.key()).isIn("departments:longhua-housing", "orgs:hainan", "calendar:2027");
        assertThat(event.cloudEventType()).startsWith("io.minyi.reference.").endsWith(".v1");
    }

    private JsonNode golden(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + file)) {
            return json.readTree(in);
        }
    }
}
