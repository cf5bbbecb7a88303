package io.minyi.stats.rebuild;

import io.minyi.stats.projection.messaging.Generations;
import io.minyi.stats.projection.store.ProjectionMeta;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rebuilding the projection from the beginning of the topic (the topic keeps every event: retention
 * is unlimited) into a new generation while the active one keeps serving; platform administrators
 * (admin of a top-level body) only.
 */
@RestController
class RebuildController {

    private final ProjectionMeta meta;
    private final Generations generations;
    private final MongoTemplate mongo;
    private final Clock clock;

    RebuildController(ProjectionMeta meta, Generations generations, MongoTemplate mongo, Clock clock) {
        this.meta = meta;
        this.generations = generations;
        this.mongo = mongo;
        this.clock = clock;
    }

    @PostMapping("/api/stats/rebuild")
    ResponseEntity<Map<String, Object>> rebuild(Caller caller) {
        requirePlatformAdmin(caller);
        ProjectionMeta.State state = meta.state();
        int next = state.active() + 1;
        if (state.rebuilding() == null) {
            // what an earlier generation left is dropped; the active one and the one before it are kept
            for (int g = 1; g < state.active() - 1; g++) {
                drop(g);
            }
            drop(next);
        }
        if (state.rebuilding() != null || !meta.startRebuild(next, caller.id(), clock.instant())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "rebuild-running", "统计数据正在重建，请等待完成。",
                    "A rebuild is already running.");
        }
        generations.tick();
        return ResponseEntity.accepted().body(status());
    }

    @GetMapping("/api/stats/rebuild")
    Map<String, Object> state(Caller caller) {
        requirePlatformAdmin(caller);
        return status();
    }

    private Map<String, Object> status() {
        ProjectionMeta.State s = meta.state();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("active", s.active());
        m.put("rebuilding", s.rebuilding());
        if (s.rebuilding() != null) {
            m.put("startedAt", s.rebuildStartedAt());
            m.put("lag", generations.lagOf(s.rebuilding()));
        }
        if (s.lastRebuild() != null) {
            Map<String, Object> last = new LinkedHashMap<>(s.lastRebuild());
            m.put("lastRebuild", last);
        }
        return m;
    }

    private void drop(int generation) {
        mongo.dropCollection(Generations.cells(generation));
        mongo.dropCollection(Generations.facts(generation));
    }

    private static void requirePlatformAdmin(Caller caller) {
        caller.requireAnyRole(Roles.ADMIN);
        if (caller.org().depth() != 1) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "platform-admin-only", "只有平台管理员可以重建统计数据。",
                    "Only platform administrators (admin of a top-level body) may rebuild the statistics.");
        }
    }
}
