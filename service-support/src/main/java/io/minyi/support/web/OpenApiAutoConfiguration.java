package io.minyi.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every service's OpenAPI 3.1 document (springdoc, at {@code /v3/api-docs}, to a signed-in caller): what the
 * service is for in Chinese, the two ways to sign in (a Keycloak bearer token; client credentials for a
 * department's own system), and the RFC 9457 problem every error answers with, on every operation.
 */
@AutoConfiguration
public class OpenApiAutoConfiguration {

    static final String BEARER = "keycloak";
    static final String CLIENT_CREDENTIALS = "department-system";
    static final String PROBLEM = "Problem";

    static {
        // the signed-in caller is taken from the token, not from the request's parameters or body
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(io.minyi.support.security.Caller.class,
                java.util.Locale.class);
    }

    /** What each service does, as its document's description. */
    static final Map<String, String> PURPOSE = Map.of(
            "intake-service", "受理：委员、信息员和联络站提交社情民意信息（草稿、附件、群众个人信息），信息检索与相似信息，参考数据、承办单位名录、工作日历与人员账号。",
            "routing-service", "流转：采编、签发、报送、批示（含录入纸质批示）、交办、督办催办、批量操作、信息专报、回头看与重新办理，工作队列与信息履历。",
            "feedback-service", "反馈：承办单位的承办件（签收、办理进展、会办意见、答复函、退回、延期申请）、部门系统的变更订阅、消息通知与作者评价。",
            "stats-service", "统计：看板、分类统计、趋势、排名、委员履职档案、年度统计表导出与安全审计日志。");

    @Bean
    OpenAPI minyiOpenApi(@Value("${spring.application.name}") String service,
                         @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        return new OpenAPI()
                .info(new Info().title("minyi " + service).version("v1")
                        .description(PURPOSE.getOrDefault(service, "minyi 社情民意信息平台") + "\n\n经网关访问：所有请求都须携带"
                                + "Keycloak 签发的访问令牌；错误以 RFC 9457 problem+json 返回，detail 为中文（Accept-Language: en 时为英文）。"))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("Keycloak（realm minyi）签发的访问令牌，浏览器经网关登录后由网关转发。"))
                        .addSecuritySchemes(CLIENT_CREDENTIALS, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("承办单位自有系统：以其机密客户端的 client credentials 取得令牌。")
                                .flows(new OAuthFlows().clientCredentials(new OAuthFlow()
                                        .tokenUrl(issuer + "/protocol/openid-connect/token")
                                        // no scopes: the roles come with the client (OpenAPI requires the map)
                                        .scopes(new io.swagger.v3.oas.models.security.Scopes())))))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(CLIENT_CREDENTIALS));
    }

    /** Each operation's Chinese summary, and for clients its name and an example, from {@code openapi/operations.yml}. */
    @Bean
    OpenApiCustomizer operationSummaries() {
        return new OperationSummaries();
    }

    /** Each operation answers its errors as problem+json: the codes every endpoint can give, if not named already. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problem());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(item -> item.readOperationsMap().forEach((method, operation) -> {
                add(operation, "400", "请求有误（字段错误在 errors 中逐一列出）");
                add(operation, "401", "未登录或令牌无效");
                add(operation, "403", "角色或所属政协组织无权进行此操作");
                add(operation, "404", "不存在，或不在本级及下级政协组织的范围内");
                if (method != PathItem.HttpMethod.GET) {
                    add(operation, "409", "状态不允许此操作，或已被他人修改");
                }
            }));
        };
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null || operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problem() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().description("问题类型的 URI"));
        properties.put("title", new StringSchema().description("问题的简短名称"));
        properties.put("status", new IntegerSchema().description("HTTP 状态码"));
        properties.put("detail", new StringSchema().description("说明，中文（或按 Accept-Language 为英文）").example("该信息已被他人修改，请刷新后重试。"));
        properties.put("instance", new StringSchema().description("出错的请求路径"));
        properties.put("code", new StringSchema().description("稳定的错误代码，供程序判断").example("stale-version"));
        properties.put("errors", new ArraySchema().items(new ObjectSchema()
                .addProperty("field", new StringSchema().description("字段名"))
                .addProperty("message", new StringSchema().description("该字段的错误说明"))).description("逐字段的错误"));
        return new ObjectSchema().description("RFC 9457 problem+json：minyi 的每个错误").properties(properties);
    }
}
