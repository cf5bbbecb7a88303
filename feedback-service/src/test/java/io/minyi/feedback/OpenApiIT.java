package io.minyi.feedback;

import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.OpenApiDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** feedback-service's OpenAPI document names every endpoint, the sign-in schemes and the problem every error is. */
@MinyiServiceIT
class OpenApiIT {

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointIsInTheDocumentWithItsProblemsAndSignIn() throws Exception {
        var doc = OpenApiDocument.complete(mvc, mappings);
        assertThat(doc.get("info").get("description").asString()).contains("反馈");
        assertThat(doc.get("paths").get("/api/inbox")).isNotNull();
        // departments' systems build their clients from the committed copy (e2e's GeneratedClientE2EIT does)
        OpenApiDocument.sameAsCommitted(doc, java.nio.file.Path.of("..", "docs", "openapi", "feedback-service.json"));
    }
}
