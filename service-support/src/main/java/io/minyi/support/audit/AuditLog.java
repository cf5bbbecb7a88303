package io.minyi.support.audit;

import io.minyi.contracts.audit.AuditCodec;
import io.minyi.contracts.audit.AuditEvent;
import io.minyi.support.messaging.CloudEventsKafka;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Writes security audit entries to {@link AuditEvent#TOPIC}. {@link #recordOrRefuse} is for actions that
 * must not happen unrecorded (revealing personal data, exports): it waits for the broker's acknowledgement
 * and refuses the action (503) when it cannot get one. {@link #record} is for facts (a denial) that are
 * written without holding up the answer.
 */
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final long ACK_SECONDS = 10;

    private final KafkaTemplate<String, byte[]> kafka;
    private final String source;
    private final Clock clock;
    private final java.util.List<IpAddressMatcher> gateways;

    /**
     * {@code gateways}: the addresses (or CIDR ranges) the gateway calls this service from; only from them is
     * {@code X-Forwarded-For} (the gateway's one client address) believed, anyone else is their socket address.
     */
    public AuditLog(KafkaTemplate<String, byte[]> kafka, String source, Clock clock, java.util.List<String> gateways) {
        this.kafka = kafka;
        this.source = source;
        this.clock = clock;
        this.gateways = gateways.stream().map(String::strip).filter(g -> !g.isEmpty()).map(IpAddressMatcher::new).toList();
    }

    /** Records the action and returns once the entry is stored by the broker; 503 (and no action) otherwise. */
    public void recordOrRefuse(Caller caller, String action, String subject, String reason, Map<String, String> detail) {
        recordAllOrRefuse(caller, action, java.util.Collections.singletonList(subject), reason, detail);
    }

    /**
     * Records one entry per subject (an export of many reports: each report's own entry) and returns once
     * the broker stored them all; 503 (and no action) otherwise.
     */
    public void recordAllOrRefuse(Caller caller, String action, java.util.List<String> subjects, String reason,
                                  Map<String, String> detail) {
        var sent = subjects.stream().map(subject -> kafka.send(record(event(caller, action, subject,
                AuditEvent.SUCCESS, reason, detail)))).toList();
        try {
            java.util.concurrent.CompletableFuture.allOf(sent.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(ACK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    /** Records a fact without waiting; a failure to record is logged. */
    public void record(Caller caller, String action, String subject, String outcome, String reason,
                       Map<String, String> detail) {
        publish(event(caller, action, subject, outcome, reason, detail));
    }

    /** Publishes an entry made elsewhere (Keycloak's events), without waiting. */
    public void publish(AuditEvent event) {
        kafka.send(record(event)).whenComplete((ok, e) -> {
            if (e != null) {
                log.error("Audit entry {} {} not recorded: {}", event.action(), event.eventId(), e.toString());
            }
        });
    }

    private AuditEvent event(Caller caller, String action, String subject, String outcome, String reason,
                             Map<String, String> detail) {
        return new AuditEvent(UUID.randomUUID(), clock.instant(), action,
                caller == null ? "anonymous" : caller.id(), caller == null ? null : caller.name(),
                caller == null ? "" : String.join(",", new java.util.TreeSet<>(caller.roles())),
                caller == null || caller.org() == null ? null : caller.org().value(), subject, outcome, reason,
                source, MDC.get("requestId"), clientAddress(), detail);
    }

    private ProducerRecord<String, byte[]> record(AuditEvent event) {
        var headers = CloudEventsKafka.headers(event.eventId().toString(), event.cloudEventType(),
                "/minyi/" + source, event.subject() == null ? event.actorId() : event.subject(), event.occurredAt());
        // one partition, keyed by actor: the log's order is the order the store chains its entries in
        return new ProducerRecord<>(AuditEvent.TOPIC, null, event.actorId(), AuditCodec.toJson(event), headers);
    }

    private String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String forwarded = request.getHeader("X-Forwarded-For");
            boolean fromGateway = gateways.stream().anyMatch(g -> g.matches(request));
            return fromGateway && forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip()
                    : request.getRemoteAddr();
        }
        return null;
    }

    private static ApiProblem unavailable(Exception cause) {
        log.error("Audit log unavailable, action refused: {}", cause.toString());
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "audit-unavailable",
                "审计日志暂不可用，为保证留痕，本操作未执行，请稍后重试。",
                "The audit log is unavailable; the action was not carried out so that it cannot go unrecorded. Try again later.");
    }
}
