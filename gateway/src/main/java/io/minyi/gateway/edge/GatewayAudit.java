package io.minyi.gateway.edge;

import io.minyi.contracts.audit.AuditCodec;
import io.minyi.contracts.audit.AuditEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the gateway itself decides goes into the audit log ({@link AuditEvent#TOPIC}): its refusals (role,
 * body, separation of duties), sign-ins through the browser, failed sign-ins and sign-outs. Written off the
 * event loop and never waited for: a broker outage delays entries (and logs it), it never stalls a request.
 */
@Component
public class GatewayAudit {

    private static final Logger log = LoggerFactory.getLogger(GatewayAudit.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock = Clock.systemUTC();

    public GatewayAudit(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /** The person an entry is about, from their token's claims (empty map: unknown). */
    public record Who(String id, String name, Collection<String> roles, String org) {
        public static Who of(Map<String, Object> claims) {
            Object roles = claims.get("realm_access") instanceof Map<?, ?> access ? access.get("roles") : null;
            return new Who(string(claims, "sub"), string(claims, "name") != null ? string(claims, "name")
                    : string(claims, "preferred_username"),
                    roles instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : java.util.List.of(),
                    string(claims, "org"));
        }

        private static String string(Map<String, Object> claims, String name) {
            return claims.get(name) instanceof String s ? s : null;
        }
    }

    public void record(ServerWebExchange exchange, Who who, String action, String subject, String outcome, String reason) {
        var request = exchange.getRequest();
        String address = exchange.getAttribute(ClientAddresses.ATTRIBUTE); // as the services record it
        AuditEvent event = new AuditEvent(UUID.randomUUID(), clock.instant(), action,
                who.id() == null ? "anonymous" : who.id(), who.name(), String.join(",", new TreeSet<>(who.roles())),
                who.org(), subject, outcome, reason, "gateway", exchange.getAttribute(RequestIds.ATTRIBUTE),
                address, Map.of("method", request.getMethod().name()));
        var headers = new RecordHeaders()
                .add("ce_specversion", bytes("1.0")).add("ce_id", bytes(event.eventId().toString()))
                .add("ce_type", bytes(event.cloudEventType())).add("ce_source", bytes("/minyi/gateway"))
                .add("ce_time", bytes(event.occurredAt().toString())).add("content-type", bytes("application/json"));
        var record = new ProducerRecord<>(AuditEvent.TOPIC, null, event.actorId(), AuditCodec.toJson(event), headers);
        Schedulers.boundedElastic().schedule(() -> {
            try {
                kafka.send(record).whenComplete((ok, e) -> {
                    if (e != null) {
                        log.error("Audit entry {} {} not recorded: {}", action, event.eventId(), e.toString());
                    }
                });
            } catch (RuntimeException e) {
                log.error("Audit entry {} {} not recorded: {}", action, event.eventId(), e.toString());
            }
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
