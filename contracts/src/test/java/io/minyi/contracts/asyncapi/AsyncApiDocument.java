package io.minyi.contracts.asyncapi;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import io.minyi.contracts.Events;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.audit.AuditEvent;
import io.minyi.contracts.reference.ReferenceEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AsyncAPI 3.0 document of minyi's Kafka topics, derived from the contracts: one message per event
 * type (its logical name from {@code @JsonSubTypes}), its payload schema generated from the record by
 * victools' JSON Schema generator (draft 7, as AsyncAPI's default schema format; Jackson's annotations
 * respected: enum wire names, the org path as a string, the {@code type} discriminator), the CloudEvents
 * 1.0 binary-mode headers and the Kafka key. The department feeds' payload is the inbox item of the REST
 * API, referenced from the OpenAPI document.
 */
public final class AsyncApiDocument {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DEPARTMENT_FEED_TYPE = "minyi.inbox.item-changed";

    /** Event type name → record, as the contracts map them. */
    public static Map<String, Class<?>> types(Class<?> family) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (JsonSubTypes.Type t : family.getAnnotation(JsonSubTypes.class).value()) {
            types.put(t.name(), t.value());
        }
        return types;
    }

    public static ObjectNode build() {
        SchemaGenerator generator = generator();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "minyi 民意 — 事件接口");
        info.put("version", String.valueOf(ReportEvent.SCHEMA_VERSION));
        info.put("description", "社情民意信息平台各服务之间、以及与承办单位系统之间的 Kafka 事件：每次信息状态变化一条事件，"
                + "以信息编号为键；消息头为 CloudEvents 1.0 Kafka 绑定（binary 模式），消息体为 JSON。"
                + "同一版本内只做新增字段的兼容变更；消费方须忽略不认识的字段。");
        doc.put("defaultContentType", "application/json");
        ObjectNode servers = doc.putObject("servers");
        ObjectNode local = servers.putObject("local");
        local.put("host", "127.0.0.1:9092");
        local.put("protocol", "kafka");
        local.put("description", "本机平台（./minyi up）的 Kafka；生产环境为三节点集群。");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CloudEventsHeaders", cloudEventsHeaders());

        Map<String, Class<?>> reportTypes = types(ReportEvent.class);
        reportTypes.forEach((name, type) -> message(messages, schemas, generator, name, type, true, "信息编号（reportId）",
                List.of("eventId", "occurredAt", "reportId", "org", "actor")));
        channel(channels, "reportEvents", Events.TOPIC, "信息事件：每次信息状态变化一条，以信息编号为键、按信息分区有序。",
                reportTypes.keySet());
        channel(channels, "reportEventsDeadLetters", Events.TOPIC + ".dlt",
                "死信：消费方无法处理的信息事件（原样保留，附异常说明头），供运维排查后重放。", reportTypes.keySet());
        operation(operations, "publishReportEvents", "send", "reportEvents", "受理、流转、反馈服务经各自的发件箱发布信息事件。");
        operation(operations, "consumeReportEvents", "receive", "reportEvents", "各服务及统计按需消费；重复投递按事件编号去重。");
        operation(operations, "consumeDeadLetters", "receive", "reportEventsDeadLetters", "运维查看与重放死信。");

        Map<String, Class<?>> referenceTypes = types(ReferenceEvent.class);
        referenceTypes.forEach((name, type) -> message(messages, schemas, generator, name, type, true, "参考数据条目编码",
                List.of("eventId", "occurredAt")));
        channel(channels, "reference", ReferenceEvent.TOPIC, "参考数据（政协组织、承办单位、议题、界别、联络站、工作日历）的变更，由受理服务发布。",
                referenceTypes.keySet());
        operation(operations, "publishReference", "send", "reference", "受理服务在管理员修改参考数据时发布。");

        message(messages, schemas, generator, "audit", AuditEvent.class, false, "无（单分区，按写入顺序）",
                List.of("eventId", "occurredAt", "action"));
        channel(channels, "audit", AuditEvent.TOPIC, "审计日志：登录、查看个人信息、导出等，每条一事件；统计服务存储并链式校验。",
                List.of("audit"));
        operation(operations, "publishAudit", "send", "audit", "各服务与网关记录审计事件（动作完成前须写入成功）。");

        ObjectNode feed = messages.putObject("department.item-changed");
        feed.put("name", DEPARTMENT_FEED_TYPE);
        feed.put("title", "承办事项变化");
        feed.put("summary", "一个承办单位的一件事项有变化：内容与 REST 收件箱 GET /api/inbox/{id} 相同；ce_id 为 事项@序号。");
        feed.putObject("headers").put("$ref", "#/components/schemas/CloudEventsHeaders");
        ObjectNode feedPayload = feed.putObject("payload");
        feedPayload.put("schemaFormat", "application/vnd.oai.openapi+json;version=3.1.0");
        feedPayload.putObject("schema").put("$ref", "/v3/api-docs#/components/schemas/feedback.ItemView");
        feed.putObject("bindings").putObject("kafka").putObject("key").put("type", "string")
                .put("description", "信息编号（reportId）");
        ObjectNode departmentChannel = channel(channels, "departmentFeed", "minyi.department.{department}.v1",
                "承办单位系统的事件接口：每个单位一个主题，只含本单位的事项（Kafka ACL 限定各单位只读自己的主题）。",
                List.of("department.item-changed"));
        departmentChannel.putObject("parameters").putObject("department").put("description", "承办单位编码，如 longhua-housing");
        operation(operations, "consumeDepartmentFeed", "receive", "departmentFeed", "承办单位系统订阅本单位主题，至少一次、按事项有序。");
        return doc;
    }

    private static void message(ObjectNode messages, ObjectNode schemas, SchemaGenerator generator, String name,
                                Class<?> type, boolean discriminated, String kafkaKey, List<String> requiredFields) {
        String key = name;
        ObjectNode schema = (ObjectNode) JSON.readTree(generator.generateSchema(type).toString());
        schema.remove("$schema");
        if (discriminated) {
            ObjectNode properties = (ObjectNode) schema.get("properties");
            ObjectNode withType = JSON.createObjectNode();
            withType.putObject("type").put("const", name).put("description", "事件类型（稳定的逻辑名）");
            properties.properties().forEach(e -> withType.set(e.getKey(), e.getValue()));
            schema.set("properties", withType);
        }
        ArrayNode required = schema.putArray("required");
        if (discriminated) {
            required.add("type");
        }
        for (String common : requiredFields) {
            if (schema.get("properties").has(common)) {
                required.add(common);
                ObjectNode property = (ObjectNode) schema.get("properties").get(common);
                if (property.get("type") instanceof ArrayNode types) {
                    property.put("type", types.get(0).asString()); // required and never null
                }
            }
        }
        schemas.set(key, schema);
        ObjectNode message = messages.putObject(key);
        message.put("name", name);
        message.put("title", name);
        message.put("summary", type.getSimpleName());
        message.putObject("headers").put("$ref", "#/components/schemas/CloudEventsHeaders");
        message.putObject("payload").put("$ref", "#/components/schemas/" + key);
        message.putObject("bindings").putObject("kafka").putObject("key").put("type", "string").put("description", kafkaKey);
    }

    private static ObjectNode channel(ObjectNode channels, String id, String address, String description,
                                      Iterable<String> messageKeys) {
        ObjectNode channel = channels.putObject(id);
        channel.put("address", address);
        channel.put("description", description);
        ObjectNode messages = channel.putObject("messages");
        for (String key : messageKeys) {
            messages.putObject(key.replace('.', '_')).put("$ref", "#/components/messages/" + key);
        }
        return channel;
    }

    private static void operation(ObjectNode operations, String id, String action, String channel, String summary) {
        ObjectNode op = operations.putObject(id);
        op.put("action", action);
        op.putObject("channel").put("$ref", "#/channels/" + channel);
        op.put("summary", summary);
    }

    /** CloudEvents 1.0 Kafka protocol binding, binary mode: the attributes as {@code ce_} headers. */
    private static ObjectNode cloudEventsHeaders() {
        ObjectNode headers = JSON.createObjectNode();
        headers.put("type", "object");
        ObjectNode p = headers.putObject("properties");
        p.putObject("ce_specversion").put("type", "string").put("const", "1.0");
        p.putObject("ce_id").put("type", "string").put("description", "事件编号（与消息体 eventId 相同），消费方据此去重");
        p.putObject("ce_type").put("type", "string").put("description", "事件类型（与消息体 type 相同）");
        p.putObject("ce_source").put("type", "string").put("description", "发布的服务，如 /minyi/routing-service");
        p.putObject("ce_subject").put("type", "string").put("description", "信息编号");
        p.putObject("ce_time").put("type", "string").put("format", "date-time");
        p.putObject("content-type").put("type", "string").put("const", "application/json");
        headers.putArray("required").add("ce_specversion").add("ce_id").add("ce_type").add("ce_source");
        return headers;
    }

    static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY, JacksonOption.SKIP_SUBTYPE_LOOKUP,
                        JacksonOption.IGNORE_TYPE_INFO_TRANSFORM))
                // every field may be null on the wire unless the payload requires it (see message())
                .with(Option.NONPUBLIC_NONSTATIC_FIELDS_WITHOUT_GETTERS, Option.INLINE_ALL_SCHEMAS, Option.STANDARD_FORMATS,
                        Option.NULLABLE_FIELDS_BY_DEFAULT)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> type.getErasedType() == OrgPath.class
                ? new com.github.victools.jsonschema.generator.CustomDefinition(context.getGeneratorConfig()
                .createObjectNode().put("type", "string").put("description", "政协组织路径，如 haikou/longhua")
                .put("pattern", "^[a-z0-9][a-z0-9-]{0,39}(/[a-z0-9][a-z0-9-]{0,39}){0,5}$"))
                : null);
        return new SchemaGenerator(config.build());
    }

    private AsyncApiDocument() {
    }
}
