package io.minyi.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * minyi's API described: the gateway's {@code /v3/api-docs} puts the four services' OpenAPI 3.1 documents
 * together for a bearer token (a department's system too) and a signed-in browser, never for anyone else;
 * Swagger UI shows it, one section per service (`apidocs.js`).
 */
@Order(3)
class ApiDocsE2EIT extends OnPlatform {

    @Test
    void theGatewayServesTheWholeApiToSignedInCallersAndSwaggerUiShowsIt() throws Exception {
        var doc = api.get(api.token("editor-district"), "/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        var body = doc.body();
        assertThat(body.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(body.get("tags").toString()).contains("受理 intake").contains("流转 routing").contains("反馈 feedback")
                .contains("统计 stats");
        for (String path : new String[]{"/api/reports", "/api/reports/{id}/transitions", "/api/bulk", "/api/inbox",
                "/api/stats/summary", "/api/departments"}) {
            assertThat(body.get("paths").has(path)).as(path).isTrue();
        }
        assertThat(body.get("components").get("securitySchemes").get("department-system").get("type").asString())
                .isEqualTo("oauth2");
        assertThat(body.get("info").get("description").asString()).doesNotContain("暂缺");
        var departmentSystem = api.clientToken("dept-longhua-housing-system", "longhua-housing-dev-secret");
        assertThat(api.get(departmentSystem, "/v3/api-docs").status()).as("a department's system reads it").isEqualTo(200);

        // the Kafka side: AsyncAPI 3.0 from the contracts, to the same callers
        var async = api.get(departmentSystem, "/v3/asyncapi");
        assertThat(async.status()).isEqualTo(200);
        assertThat(async.body().get("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(async.body().get("channels").get("departmentFeed").get("address").asString())
                .isEqualTo("minyi.department.{department}.v1");
        assertThat(async.body().get("components").get("messages").has("report.assigned")).isTrue();

        var anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/v3/api-docs"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("nobody else").isIn(302, 401);
        assertThat(anonymous.body()).doesNotContain("/api/bulk");

        var seen = Api.JSON.readTree(stack.browser("apidocs.js", "editor-district", "Minyi-2026-demo"));
        assertThat(seen.get("title").asString()).contains("minyi");
        assertThat(seen.get("sections").toString()).contains("受理 intake").contains("流转 routing").contains("反馈 feedback")
                .contains("统计 stats");
        assertThat(seen.get("bulkResponses").toString()).contains("400").contains("403").contains("409");
        assertThat(stack.root().resolve("e2e/target/screenshots/swagger-ui.png")).exists();
    }
}
