package io.minyi.feedback.notification;

import io.minyi.feedback.notification.mail.NoticeTemplates;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** The mail wording per kind of notice, kept by administrators; in effect at the next mail. */
@RestController
class NoticeTemplateController {

    private final NoticeTemplates templates;
    private final Clock clock;

    NoticeTemplateController(NoticeTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    record TemplateRequest(String subject, String text) {
    }

    /** Every kind, with the administrator's wording where there is one ({@code custom}), else the shipped one's name. */
    @GetMapping("/api/notifications/templates")
    List<NoticeTemplates.Template> list(Caller caller) {
        caller.requireAnyRole(Roles.ADMIN);
        return NoticeTemplates.KINDS.entrySet().stream().map(k -> templates.custom(k.getKey()).orElse(
                new NoticeTemplates.Template(k.getKey(), k.getValue(), "【民意】{标题}", "{标题}\n\n{内容}\n\n查看详情：{链接}",
                        false, null, null))).toList();
    }

    @PutMapping("/api/notifications/templates/{kind}")
    NoticeTemplates.Template save(@PathVariable String kind, @RequestBody TemplateRequest r, Caller caller) {
        caller.requireAnyRole(Roles.ADMIN);
        return templates.save(kind, r.subject(), r.text(), caller.username(), clock.instant());
    }

    /** Back to the shipped wording. */
    @DeleteMapping("/api/notifications/templates/{kind}")
    ResponseEntity<Void> reset(@PathVariable String kind, Caller caller) {
        caller.requireAnyRole(Roles.ADMIN);
        if (!templates.reset(kind)) {
            throw ApiProblem.notFound("自定义通知模板", kind);
        }
        return ResponseEntity.noContent().build();
    }
}
