package io.minyi.routing;

import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.OpenApiDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** routing's OpenAPI document names every endpoint, the sign-in schemes and the problem every error is. */
@MinyiServiceIT
class OpenApiIT {

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointIsInTheDocumentWithItsProblemsAndSignIn() throws Exception {
        var doc = OpenApiDocument.complete(mvc, mappings);
        assertThat(doc.get("info").get("description").asString()).contains("流转");
        var transition = doc.get("paths").get("/api/reports/{id}/transitions").get("post");
        assertThat(transition.get("responses").get("409").get("content").get("application/problem+json")).isNotNull();
        assertThat(doc.get("components").get("securitySchemes").get("keycloak").get("scheme").asString()).isEqualTo("bearer");
        assertThat(doc.get("components").get("securitySchemes").get("department-system").get("flows")
                .get("clientCredentials").get("tokenUrl").asString()).endsWith("/protocol/openid-connect/token");
        assertThat(doc.get("components").get("schemas").get("Problem").get("properties").get("code")).isNotNull();
        assertThat(doc.get("paths").get("/api/bulk").get("post").get("requestBody")).isNotNull();
    }
}
