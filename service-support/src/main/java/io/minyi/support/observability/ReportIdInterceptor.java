package io.minyi.support.observability;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * A request about one report ({@code /api/reports/{id}/…}, {@code /api/inbox/{reportId}/…}) has the report's id
 * in the MDC, so every log line written while handling it carries {@code reportId}.
 */
public class ReportIdInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/reports/") || path.startsWith("/api/inbox/")) {
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
                Object id = variables.containsKey("reportId") ? variables.get("reportId") : variables.get("id");
                if (id != null) {
                    MDC.put(ReportMdc.KEY, id.toString());
                }
            }
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        MDC.remove(ReportMdc.KEY);
    }
}
