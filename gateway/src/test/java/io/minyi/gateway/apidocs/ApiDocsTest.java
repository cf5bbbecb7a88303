package io.minyi.gateway.apidocs;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode doc(String path, String schema) {
        return JSON.readTree("""
                {"openapi":"3.1.0","info":{"title":"x"},"security":[{"keycloak":[]}],
                 "paths":{"%s":{"get":{"tags":["x-controller"],"responses":{
                   "200":{"content":{"*/*":{"schema":{"$ref":"#/components/schemas/%s"}}}},
                   "404":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
                 "components":{"schemas":{"%s":{"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/%s"}}}},
                   "Problem":{"type":"object"}},
                   "securitySchemes":{"keycloak":{"type":"http","scheme":"bearer"}}}}
                """.formatted(path, schema, schema, schema));
    }

    @Test
    void theServicesDocumentsBecomeOneWithEachServicesSchemasNamedAfterIt() {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("routing", doc("/api/queues", "View"));
        docs.put("stats", doc("/api/stats/summary", "View"));
        JsonNode merged = ApiDocs.merge(docs);

        assertThat(merged.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(merged.get("paths").has("/api/queues")).isTrue();
        assertThat(merged.get("paths").has("/api/stats/summary")).isTrue();
        JsonNode queues = merged.get("paths").get("/api/queues").get("get");
        assertThat(queues.get("tags").get(0).asString()).isEqualTo("流转 routing");
        assertThat(queues.get("responses").get("200").get("content").get("*/*").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/routing.View");
        assertThat(queues.get("responses").get("404").get("content").get("application/problem+json").get("schema")
                .get("$ref").asString()).as("the shared problem keeps its name").isEqualTo("#/components/schemas/Problem");
        JsonNode schemas = merged.get("components").get("schemas");
        assertThat(schemas.has("routing.View")).isTrue();
        assertThat(schemas.has("stats.View")).isTrue();
        assertThat(schemas.get("stats.View").get("properties").get("items").get("items").get("$ref").asString())
                .isEqualTo("#/components/schemas/stats.View");
        assertThat(schemas.has("Problem")).isTrue();
        assertThat(merged.get("components").get("securitySchemes").has("keycloak")).isTrue();
        assertThat(merged.get("security")).isNotNull();
        assertThat(merged.get("info").get("description").asString()).contains("暂缺：intake、feedback");
    }
}
