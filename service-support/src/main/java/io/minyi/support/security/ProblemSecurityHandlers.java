package io.minyi.support.security;

import io.minyi.support.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.access.AccessDeniedException;

import java.io.IOException;

/** 401 and 403 from the security filters as problem+json, like every other error. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearer.commence(request, response, e); // sets WWW-Authenticate as RFC 6750 requires
        ApiProblem.write(request, response, new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "请先登录（缺少或无效的访问令牌）。", "Sign in first: the access token is missing or invalid."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ApiProblem.write(request, response, new ApiProblem(HttpStatus.FORBIDDEN, "forbidden",
                "您没有访问此资源的权限。", "You may not access this resource."));
    }
}
