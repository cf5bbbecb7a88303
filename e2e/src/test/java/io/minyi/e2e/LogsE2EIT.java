package io.minyi.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logs an operator reads, after every other suite has run on the platform: each service and the gateway
 * write ECS JSON lines to {@code <service>.json}; a line written while handling a request carries its request
 * id, one about a report the report's id; and no log file holds a constituent's phone or ID number in plain
 * (the privacy suites submitted several, in fields and in the text).
 */
@Order(8)
class LogsE2EIT extends OnPlatform {

    static final List<String> SERVICES = List.of("intake-service", "routing-service", "feedback-service", "stats-service",
            "gateway");

    @Test
    void everyServiceWritesMaskedEcsJsonWithRequestAndReportIds() throws Exception {
        String member = api.token("member-district");
        String id = api.post(member, "/api/reports", "{\"title\":\"日志核对：小区门口积水\","
                + "\"body\":\"群众来电反映积水，联系电话13912345678，身份证号11010519491231002X。建议疏通管网。\"}")
                .body().get("id").asString();

        List<JsonNode> intake = new ArrayList<>();
        for (String service : SERVICES) {
            Path file = stack.logs().resolve(service + ".json");
            assertThat(file).as(service + "'s JSON log").exists();
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).as(service).isNotEmpty();
            for (String line : lines) {
                JsonNode json = Api.JSON.readTree(line);
                assertThat(json.has("@timestamp") && json.path("log").has("level") && json.has("message"))
                        .as("an ECS line of %s: %s", service, line).isTrue();
                if (service.equals("intake-service")) {
                    intake.add(json);
                }
            }
        }
        await(() -> Files.readString(stack.logs().resolve("intake-service.json")).contains(id));
        JsonNode submitted = Files.readAllLines(stack.logs().resolve("intake-service.json")).stream()
                .map(Api.JSON::readTree).filter(j -> id.equals(j.path("reportId").asString()))
                .filter(j -> j.path("message").asString().startsWith("Report submitted")).findFirst().orElseThrow();
        assertThat(submitted.path("requestId").asString()).as("the gateway's request id").isNotBlank();

        List<String> plain = new ArrayList<>(PrivacyE2EIT.PLAIN);
        plain.addAll(List.of("13712345678", "11010519491231002X"));
        try (Stream<Path> files = Files.list(stack.logs())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                for (String value : plain) {
                    assertThat(text).as(file.getFileName() + " holds " + value + " in plain").doesNotContain(value);
                }
            }
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check) throws Exception {
        for (int i = 0; i < 100 && !check.ok(); i++) {
            Thread.sleep(100);
        }
        assertThat(check.ok()).isTrue();
    }
}
