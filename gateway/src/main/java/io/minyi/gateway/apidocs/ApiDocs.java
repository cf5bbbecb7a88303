package io.minyi.gateway.apidocs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one OpenAPI document of minyi as the gateway serves it: the services' own documents (springdoc) put
 * together. Paths keep their own; each operation is tagged with its service's Chinese name; a service's
 * schemas are named {@code <service>.<Schema>} (two services may both have a {@code View}) and its
 * references follow, but the shared {@code Problem} stays one; the sign-in schemes are the services'.
 */
public final class ApiDocs {

    static final String SHARED = "Problem";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The services in the order their paths are listed, with the tag their operations get. */
    public static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("intake", "受理 intake");
        SERVICES.put("routing", "流转 routing");
        SERVICES.put("feedback", "反馈 feedback");
        SERVICES.put("stats", "统计 stats");
    }

    private ApiDocs() {
    }

    /** {@code documents}: each service's own document by its name (a service that did not answer is left out). */
    public static ObjectNode merge(Map<String, JsonNode> documents) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "minyi 民意 · 社情民意信息平台 API");
        info.put("version", "v1");
        info.put("description", "经网关访问 minyi 的全部接口（受理、流转、反馈、统计）。登录：浏览器经网关登录，或携带 Keycloak 签发的访问令牌"
                + "（承办单位自有系统以 client credentials 取得）。错误一律为 RFC 9457 problem+json，detail 为中文。"
                + (documents.size() < SERVICES.size() ? "（暂缺：" + String.join("、", SERVICES.keySet().stream()
                .filter(s -> !documents.containsKey(s)).toList()) + "，其服务暂不可用。）" : ""));
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode schemes = components.putObject("securitySchemes");
        documents.forEach((service, doc) -> {
            String tag = SERVICES.getOrDefault(service, service);
            tags.addObject().put("name", tag);
            JsonNode own = rename(doc.deepCopy(), service);
            own.path("paths").properties().forEach(p -> {
                p.getValue().properties().forEach(op -> {
                    if (op.getValue() instanceof ObjectNode operation && operation.has("responses")) {
                        operation.putArray("tags").add(tag);
                    }
                });
                paths.set(p.getKey(), p.getValue());
            });
            own.path("components").path("schemas").properties().forEach(s -> schemas.set(s.getKey(), s.getValue()));
            own.path("components").path("securitySchemes").properties().forEach(s -> schemes.set(s.getKey(), s.getValue()));
            if (!merged.has("security") && own.has("security")) {
                merged.set("security", own.get("security"));
            }
        });
        return merged;
    }

    /** The service's schemas renamed {@code service.Name} and every reference to them too (Problem stays). */
    static JsonNode rename(JsonNode node, String service) {
        if (node instanceof ObjectNode object) {
            if (object.has("$ref") && object.get("$ref").isString()) {
                String ref = object.get("$ref").asString();
                if (ref.startsWith(SCHEMAS) && !ref.equals(SCHEMAS + SHARED)) {
                    object.put("$ref", SCHEMAS + service + "." + ref.substring(SCHEMAS.length()));
                }
            }
            JsonNode schemas = object.path("components").path("schemas");
            if (schemas instanceof ObjectNode named) {
                ObjectNode renamed = JSON.createObjectNode();
                named.properties().forEach(e -> renamed.set(e.getKey().equals(SHARED) ? SHARED : service + "." + e.getKey(),
                        e.getValue()));
                ((ObjectNode) object.get("components")).set("schemas", renamed);
            }
            object.properties().forEach(e -> rename(e.getValue(), service));
        } else if (node instanceof ArrayNode array) {
            array.forEach(e -> rename(e, service));
        }
        return node;
    }
}
