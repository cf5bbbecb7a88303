package io.minyi.support.audit;

import io.minyi.contracts.audit.AuditEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

/** The audit log every service writes to (one partition, kept for good: 等保 requires six months at least). */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class AuditAutoConfiguration {

    @Bean
    NewTopic auditTopic(@Value("${minyi.kafka.replicas:1}") int replicas) {
        return TopicBuilder.name(AuditEvent.TOPIC).partitions(1).replicas(replicas)
                .config("retention.ms", "-1").config("retention.bytes", "-1").build();
    }

    @Bean
    WebMvcConfigurer adminChangeAudit(AuditLog audit, @Value("${minyi.audit.admin-paths}") List<String> paths) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AdminChangeAudit(audit, paths));
            }
        };
    }

    @Bean
    AuditLog auditLog(KafkaTemplate<String, byte[]> kafka, @Value("${spring.application.name}") String source, Clock clock,
                      @Value("${minyi.gateway-addresses:${MINYI_GATEWAY_ADDRESSES:127.0.0.0/8,::1}}") List<String> gateways) {
        return new AuditLog(kafka, source, clock, gateways);
    }
}
