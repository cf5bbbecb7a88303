package io.minyi.intake.reference.web;

import io.minyi.contracts.WireNamed;
import io.minyi.intake.reference.ReferenceAdmin;
import io.minyi.intake.reference.ReferenceData;
import io.minyi.intake.reference.domain.ReferenceEntry;
import io.minyi.intake.reference.domain.ReferenceKind;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The reference lists: everyone signed in reads them (the submission form offers them); admins
 * maintain them. Org codes are paths, so the code is the rest of the URL:
 * {@code PUT /api/reference/orgs/haikou/longhua}.
 */
@RestController
class ReferenceController {

    private final ReferenceData data;
    private final ReferenceAdmin admin;

    ReferenceController(ReferenceData data, ReferenceAdmin admin) {
        this.data = data;
        this.admin = admin;
    }

    /** {@code levelNames}: a root body's names of its tree's levels (省级, 市级 …), empty otherwise. */
    record Entry(String code, String name, String org, boolean active, List<String> levelNames) {
        static Entry of(ReferenceEntry e) {
            return new Entry(e.code(), e.name(), e.org() == null ? null : e.org().value(), e.active(), e.levelNames());
        }
    }

    record Catalog(List<Entry> topics, List<Entry> sectors, List<Entry> stations, List<Entry> orgs) {
    }

    record EntryRequest(@NotNull(message = "{minyi.reference.name.required}") String name, String org,
                        Boolean active, List<String> levelNames) {
    }

    /** Every list; {@code retired=true} (admins) includes retired entries. */
    @GetMapping("/api/reference")
    Catalog catalog(@RequestParam(defaultValue = "false") boolean retired, Caller caller) {
        if (retired) {
            caller.requireAnyRole(Roles.ADMIN);
        }
        return new Catalog(entries(ReferenceKind.TOPIC, retired), entries(ReferenceKind.SECTOR, retired),
                entries(ReferenceKind.STATION, retired), entries(ReferenceKind.ORG, retired));
    }

    @GetMapping("/api/reference/{kind}")
    List<Entry> list(@PathVariable String kind, @RequestParam(defaultValue = "false") boolean retired,
                     Caller caller) {
        if (retired) {
            caller.requireAnyRole(Roles.ADMIN);
        }
        return entries(kind(kind), retired);
    }

    @PutMapping("/api/reference/{kind}/{*code}")
    Entry save(@PathVariable String kind, @PathVariable String code,
               @Validated @RequestBody EntryRequest request, Caller caller) {
        ReferenceKind k = kind(kind);
        String c = code.substring(1);
        List<String> levels = request.levelNames() != null ? request.levelNames()
                : data.find(k, c).map(ReferenceEntry::levelNames).orElse(List.of());
        return Entry.of(admin.save(new ReferenceAdmin.Input(k, c, request.name(), request.org(),
                request.active() == null || request.active(), levels, null), caller));
    }

    /** Retires the entry; it stays readable with {@code retired=true} and on the reports that use it. */
    @DeleteMapping("/api/reference/{kind}/{*code}")
    Entry retire(@PathVariable String kind, @PathVariable String code, Caller caller) {
        ReferenceKind k = kind(kind);
        String c = code.substring(1);
        ReferenceEntry current = data.find(k, c).orElseThrow(() -> ApiProblem.notFound(k.label(), c));
        return Entry.of(admin.save(k, c, current.name(), current.org() == null ? null : current.org().value(),
                false, caller));
    }

    private List<Entry> entries(ReferenceKind kind, boolean retired) {
        return data.list(kind, retired).stream().map(Entry::of).toList();
    }

    /** The lists of this API; departments have their own ({@code /api/departments}: who may see which). */
    private static ReferenceKind kind(String name) {
        try {
            ReferenceKind kind = WireNamed.fromWireName(ReferenceKind.class, name);
            if (kind == ReferenceKind.DEPARTMENT) {
                throw new IllegalArgumentException(name);
            }
            return kind;
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "unknown-list",
                    "没有这一基础数据列表：" + name + "（可用 topics、sectors、stations、orgs）",
                    "No such reference list: " + name + " (topics, sectors, stations, orgs)");
        }
    }
}
