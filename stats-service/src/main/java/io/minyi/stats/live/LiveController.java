package io.minyi.stats.live;

import io.minyi.stats.figures.web.Scope;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class LiveController {

    private final LiveFigures live;
    private final Scope scope;

    LiveController(LiveFigures live, Scope scope) {
        this.live = live;
        this.scope = scope;
    }

    /** {@code figures} events with the summary of {@code org} for the period, at once and on every change. */
    @GetMapping(path = "/api/stats/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@RequestParam(required = false) String org, @RequestParam(required = false) String period,
                    @RequestParam(required = false) String date, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, Caller caller) {
        SseEmitter emitter = live.watch(scope.office(caller, org), scope.range(period, date, from, to));
        if (emitter == null) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "too-many-watchers", "实时看板连接数已满，请稍后再试。",
                    "This instance serves as many live dashboards as it can; try again later.");
        }
        return emitter;
    }
}
