package io.minyi.feedback.notification;

import io.minyi.feedback.notification.domain.Notification;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The signed-in person's notification centre: newest first, with the unread count. */
@RestController
class NotificationController {

    private final Notifications notifications;

    private final Preferences preferences;
    private final java.time.Clock clock;

    NotificationController(Notifications notifications, Preferences preferences, java.time.Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.clock = clock;
    }

    record Item(String id, String reportId, String kind, String title, String text, Instant at, boolean read) {
        static Item of(Notification n) {
            return new Item(n.id(), n.reportId(), n.kind(), n.title(), n.text(), n.at(), n.read());
        }
    }

    record PageView(List<Item> items, int page, int size, long total, long unread) {
    }

    @GetMapping("/api/notifications")
    PageView list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "20") int size, Caller caller) {
        ApiProblem.requirePage(page, size, 100);
        var result = notifications.page(recipients(caller), unread, page, size);
        return new PageView(result.items().stream().map(Item::of).toList(), page, size, result.total(),
                result.unread());
    }

    /**
     * 发送失败: notices of the reports of the caller's body and below that could not be sent (given up after the
     * last attempt) or are being retried, with the channel and the reason — editors and administrators.
     */
    @GetMapping("/api/notifications/failures")
    List<Notifications.Failure> failures(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "100") int limit,
                                         Caller caller) {
        caller.requireAnyRole(io.minyi.support.security.Roles.EDITOR, io.minyi.support.security.Roles.ADMIN);
        return notifications.failures(caller.org(), Math.max(1, Math.min(limit, 500)), clock.instant());
    }

    record PreferencesRequest(@jakarta.validation.constraints.NotNull Boolean email,
                              @jakarta.validation.constraints.NotNull Boolean sms, Boolean digest) {
    }

    /** The caller's channels besides the app: e-mail, SMS for urgent notices (both on until turned off). */
    @GetMapping("/api/notifications/preferences")
    Preferences.Choice preferences(Caller caller) {
        return preferences.of(Notification.account(caller.id()));
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/notifications/preferences")
    Preferences.Choice savePreferences(@jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody
                                       PreferencesRequest r, Caller caller) {
        return preferences.save(Notification.account(caller.id()), new Preferences.Choice(r.email(), r.sms(),
                Boolean.TRUE.equals(r.digest())),
                clock.instant());
    }

    @GetMapping("/api/notifications/unread-count")
    Map<String, Long> unread(Caller caller) {
        return Map.of("unread", notifications.unread(recipients(caller)));
    }

    @PostMapping("/api/notifications/{id}/read")
    ResponseEntity<Void> read(@PathVariable String id, Caller caller) {
        if (!notifications.markRead(id, recipients(caller))) {
            throw ApiProblem.notFound("通知", id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/notifications/read-all")
    Map<String, Long> readAll(Caller caller) {
        notifications.markAllRead(recipients(caller));
        return Map.of("unread", 0L);
    }

    /**
     * The caller's own account, their name at their body (for reports naming them as co-author) and, for a
     * department's handler, the department's notices.
     */
    private static List<String> recipients(Caller caller) {
        List<String> mine = new java.util.ArrayList<>(List.of(Notification.account(caller.id()),
                Notification.named(caller.org().value(), caller.name())));
        if (caller.hasRole(io.minyi.support.security.Roles.DEPARTMENT) && caller.department() != null) {
            mine.add(Notification.department(caller.department()));
        }
        if (caller.hasRole(io.minyi.support.security.Roles.EDITOR)) {
            mine.add(Notification.office(caller.org().value()));
        }
        if (caller.hasRole(io.minyi.support.security.Roles.LEADER)) {
            mine.add(Notification.leaders(caller.org().value()));
        }
        return mine;
    }
}
