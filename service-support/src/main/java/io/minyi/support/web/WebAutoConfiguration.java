package io.minyi.support.web;

import io.minyi.support.audit.AuditLog;
import io.minyi.support.audit.AuditedDenials;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import io.minyi.support.observability.ReportIdInterceptor;
import io.minyi.support.observability.RequestIdFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Problem+json for every error of every service; the gateway's request id in the logs. */
@AutoConfiguration
public class WebAutoConfiguration {

    @Bean
    ProblemAdvice problemAdvice(ObjectProvider<AuditLog> audit) {
        return new ProblemAdvice(audit.getIfAvailable() == null ? (request, code) -> { } : new AuditedDenials(audit.getObject()));
    }

    /** The report a request is about, in the MDC of its log lines. */
    @Bean
    WebMvcConfigurer reportIdInLogs() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ReportIdInterceptor());
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
