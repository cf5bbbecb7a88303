package io.minyi.stats.live;

import io.minyi.contracts.OrgPath;
import io.minyi.stats.figures.Reports;
import io.minyi.stats.figures.domain.Figures;
import io.minyi.stats.figures.domain.Range;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dashboards that follow a body's figures live (server-sent events). Every half second each watched
 * body and period is read once — however many dashboards watch it, on whichever instance the events
 * were projected — and the figures are sent to its watchers when they changed; a comment every
 * 15 seconds keeps idle connections open through proxies.
 */
@Component
public class LiveFigures {

    private static final Logger log = LoggerFactory.getLogger(LiveFigures.class);
    private final Reports reports;
    private final int maxWatchers;
    private final Map<Watch, Watched> watched = new ConcurrentHashMap<>();
    private final AtomicInteger watchers = new AtomicInteger();
    private long ticks;

    public LiveFigures(Reports reports, @Value("${minyi.stats.live.max-watchers:2000}") int maxWatchers,
                       io.micrometer.core.instrument.MeterRegistry meters) {
        this.reports = reports;
        this.maxWatchers = maxWatchers;
        io.micrometer.core.instrument.Gauge.builder("minyi.stats.live.watchers", watchers, AtomicInteger::get)
                .description("live dashboards connected to this instance").register(meters);
    }

    record Watch(OrgPath org, Range range) {
    }

    private static final class Watched {
        final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
        volatile Figures last;
    }

    /** A new watcher, sent the figures at once; null when this instance has as many watchers as it takes. */
    public SseEmitter watch(OrgPath org, Range range) {
        if (watchers.incrementAndGet() > maxWatchers) {
            watchers.decrementAndGet();
            return null;
        }
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Watch key = new Watch(org, range);
        Watched w = watched.computeIfAbsent(key, k -> new Watched());
        w.emitters.add(emitter);
        Runnable gone = () -> {
            if (w.emitters.remove(emitter)) {
                watchers.decrementAndGet();
            }
            watched.computeIfPresent(key, (k, v) -> v.emitters.isEmpty() ? null : v);
        };
        emitter.onCompletion(gone);
        emitter.onTimeout(gone);
        emitter.onError(e -> gone.run());
        Figures now = reports.summary(org, range);
        w.last = now;
        send(emitter, now, gone);
        return emitter;
    }

    @Scheduled(fixedDelayString = "${minyi.stats.live.interval:PT0.5S}")
    public void push() {
        boolean heartbeat = ++ticks % 30 == 0;
        watched.forEach((key, w) -> {
            try {
                Figures now = reports.summary(key.org(), key.range());
                if (!now.equals(w.last)) {
                    w.last = now;
                    w.emitters.forEach(e -> send(e, now, () -> w.emitters.remove(e)));
                } else if (heartbeat) {
                    w.emitters.forEach(e -> {
                        try {
                            e.send(SseEmitter.event().comment("keep-alive"));
                        } catch (IOException | IllegalStateException gone) {
                            w.emitters.remove(e);
                        }
                    });
                }
            } catch (RuntimeException e) {
                log.warn("live figures of {} not refreshed: {}", key.org(), e.toString());
            }
        });
    }

    public int watchers() {
        return watchers.get();
    }

    private static void send(SseEmitter emitter, Figures figures, Runnable onFailure) {
        try {
            emitter.send(SseEmitter.event().name("figures").data(figures, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            onFailure.run();
        }
    }
}
