package io.minyi.testsupport;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A service's OpenAPI document as a signed-in caller reads it, and what of the service's own controller
 * mappings it leaves out (every path and method a controller answers must be in it).
 */
public final class OpenApiDocument {

    private static final Set<String> NOT_API = Set.of("/error");

    private OpenApiDocument() {
    }

    public static JsonNode read(MockMvc mvc) throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        String json = mvc.perform(get("/v3/api-docs").with(Callers.editor("haikou"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode document = JsonMapper.builder().build().readTree(json);
        // kept beside the build's other output, for a reader (and a generated client) to take
        java.nio.file.Path file = java.nio.file.Path.of("target", "openapi", "openapi.json");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, json);
        return document;
    }

    /**
     * The document, checked for what every service's must hold: OpenAPI 3.1, every controller mapping in it, the
     * shared problem+json schema, and no {@code Caller} (it comes from the token, not the request).
     */
    public static JsonNode complete(MockMvc mvc, RequestMappingHandlerMapping mappings) throws Exception {
        JsonNode document = read(mvc);
        org.assertj.core.api.Assertions.assertThat(document.get("openapi").asString()).startsWith("3.1");
        org.assertj.core.api.Assertions.assertThat(undocumented(document, mappings)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(document.get("components").get("schemas").get("Problem")).isNotNull();
        org.assertj.core.api.Assertions.assertThat(document.get("components").get("schemas").get("Caller"))
                .as("the caller comes from the token").isNull();
        org.assertj.core.api.Assertions.assertThat(withoutChineseSummary(document))
                .as("operations without a Chinese summary in src/main/resources/openapi/operations.yml").isEmpty();
        return document;
    }

    /**
     * Asserts the document (without its {@code servers}) equals the one committed at {@code committed}, which
     * generated clients are built from; {@code -Dopenapi.write=true} rewrites the committed one.
     */
    public static void sameAsCommitted(JsonNode document, java.nio.file.Path committed) throws java.io.IOException {
        JsonMapper json = JsonMapper.builder().build();
        tools.jackson.databind.node.ObjectNode stable = ((tools.jackson.databind.node.ObjectNode) document).deepCopy();
        stable.remove("servers");
        if (Boolean.getBoolean("openapi.write")) {
            java.nio.file.Files.createDirectories(committed.getParent());
            java.nio.file.Files.writeString(committed, json.writerWithDefaultPrettyPrinter().writeValueAsString(stable) + "\n");
        }
        org.assertj.core.api.Assertions.assertThat(json.readTree(java.nio.file.Files.readString(committed)))
                .as("%s is not this service's document: rewrite it with -Dopenapi.write=true and rebuild the clients",
                        committed).isEqualTo(stable);
    }

    /** "GET /api/x" for each operation whose summary is missing or has no Chinese in it. */
    public static List<String> withoutChineseSummary(JsonNode document) {
        List<String> missing = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode summary = op.getValue().get("summary");
            if (summary == null || !summary.asString().codePoints().anyMatch(c ->
                    Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                missing.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return missing;
    }

    /** "GET /api/x" for each mapping of the service's own controllers that the document does not name. */
    public static List<String> undocumented(JsonNode document, RequestMappingHandlerMapping mappings) {
        List<String> missing = new ArrayList<>();
        JsonNode paths = document.get("paths");
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("io.minyi")) {
                return; // springdoc's own and Spring's
            }
            for (String pattern : info.getPatternValues()) {
                if (NOT_API.contains(pattern)) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    // OpenAPI names a catch-all {*code} or a constrained {code:…} variable plainly: {code}
                    String documented = pattern.replaceAll("\\{\\*([^}]+)}", "{$1}").replaceAll("\\{([^}:]+):[^}]+}", "{$1}");
                    JsonNode path = paths == null ? null : paths.get(documented);
                    if (path == null || path.get(method.name().toLowerCase()) == null) {
                        missing.add(method + " " + pattern);
                    }
                }
            }
        });
        return missing;
    }
}
