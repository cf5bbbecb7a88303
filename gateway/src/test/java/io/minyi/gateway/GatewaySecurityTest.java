package io.minyi.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/** The gateway's own security, without Keycloak or services running. */
@SpringBootTest(properties = "MINYI_ISSUER_URI=http://127.0.0.1:9/realms/minyi")
@AutoConfigureWebTestClient
class GatewaySecurityTest {

    @Autowired WebTestClient web;
    @Autowired ApplicationContext context;

    @Test
    void apiCallsWithoutATokenGet401() {
        web.get().uri("/api/worklist").accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isUnauthorized();
        web.get().uri("/open311/v2/services.json").exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/reports").header("Authorization", "Bearer not-a-jwt").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void pagesRedirectToSignInWithPkce() {
        web.get().uri("/somewhere").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().valueEquals("Location", "/oauth2/authorization/keycloak");
        String location = web.get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().is3xxRedirection().returnResult(Void.class)
                .getResponseHeaders().getLocation().toString();
        assertThat(location).startsWith("http://127.0.0.1:9/realms/minyi/protocol/openid-connect/auth")
                .contains("client_id=minyi-gateway").contains("code_challenge=").contains("code_challenge_method=S256");
    }

    @Test
    void theStartPageIsPublicAndInChinese() {
        String page = web.get().uri("/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("lang=\"zh-CN\"").contains("登录").contains("所属政协组织");
    }

    @Test
    void meShowsTheIdentityFromTheAccessToken() {
        WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build()
                .mutateWith(mockJwt().jwt(jwt -> jwt.claim("preferred_username", "editor-district")
                        .claim("name", "龙华区信息编辑").claim("org", "haikou/longhua")
                        .claim("realm_access", Map.of("roles", List.of("editor", "offline_access")))))
                .get().uri("/api/me").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("editor-district")
                .jsonPath("$.org").isEqualTo("haikou/longhua")
                .jsonPath("$.roles.length()").isEqualTo(1)
                .jsonPath("$.roles[0]").isEqualTo("editor");
    }

    @Test
    void cookieSessionWritesNeedTheCsrfToken() {
        web.post().uri("/logout").exchange().expectStatus().isForbidden();
    }
}
