package io.minyi.support.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Each operation's Chinese summary — and, where a client benefits, its operation id and a request example —
 * from the service's {@code openapi/operations.yml}: path → method → a summary, or {@code summary}, {@code id},
 * {@code example}. A path given a plain summary applies it to its one operation.
 */
final class OperationSummaries implements OpenApiCustomizer {

    static final String FILE = "/openapi/operations.yml";

    private final Map<String, Object> entries;

    OperationSummaries() {
        this(load());
    }

    OperationSummaries(Map<String, Object> entries) {
        this.entries = entries;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = OperationSummaries.class.getResourceAsStream(FILE)) {
            return in == null ? Map.of() : (Map<String, Object>) new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            Object entry = entries.get(path);
            if (entry == null) {
                return;
            }
            Map<PathItem.HttpMethod, Operation> operations = item.readOperationsMap();
            if (entry instanceof String summary) {
                operations.values().forEach(op -> op.setSummary(summary));
                return;
            }
            operations.forEach((method, op) -> apply(op, ((Map<?, ?>) entry).get(method.name().toLowerCase(Locale.ROOT))));
        });
    }

    private static void apply(Operation operation, Object entry) {
        if (entry instanceof String summary) {
            operation.setSummary(summary);
        } else if (entry instanceof Map<?, ?> details) {
            if (details.get("summary") instanceof String summary) {
                operation.setSummary(summary);
            }
            if (details.get("id") instanceof String id) {
                operation.setOperationId(id);
            }
            Object example = details.get("example");
            if (example != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                MediaType json = operation.getRequestBody().getContent().get("application/json");
                if (json != null) {
                    json.setExample(example);
                }
            }
        }
    }
}
