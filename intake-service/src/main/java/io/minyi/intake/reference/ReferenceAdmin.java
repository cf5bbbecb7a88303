package io.minyi.intake.reference;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.reference.domain.DepartmentInfo;
import io.minyi.intake.reference.domain.ReferenceEntry;
import io.minyi.intake.reference.domain.ReferenceKind;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * Changes to the reference lists, by administrators: topics and sectors by those of a root body,
 * bodies, stations and departments by those of the body concerned or a body above it. Every rule is
 * checked before anything is written; {@link #problems} lists all that is wrong with an entry (the
 * importer reports them per row and column), {@link #save} refuses the first.
 */
@Service
public class ReferenceAdmin {

    private final ReferenceData data;

    ReferenceAdmin(ReferenceData data) {
        this.data = data;
    }

    /** An entry as an administrator entered it, before it is checked. */
    public record Input(ReferenceKind kind, String code, String name, String org, boolean active,
                        List<String> levelNames, DepartmentInfo department) {
    }

    /** One thing wrong with an entry: the field, a stable code, the status it answers with, the texts. */
    public record Problem(String field, HttpStatus status, String code, String zh, String en) {
        ApiProblem toApiProblem() {
            return new ApiProblem(status, code, zh, en);
        }
    }

    /** Adds or changes an entry; {@code active = false} retires it. Returns the entry as stored. */
    public ReferenceEntry save(ReferenceKind kind, String code, String name, String org, boolean active,
                               Caller caller) {
        ReferenceEntry current = data.find(kind, code).orElse(null);
        return save(new Input(kind, code, name, org, active, current == null ? List.of() : current.levelNames(),
                current == null ? null : current.department()), caller);
    }

    public ReferenceEntry save(Input input, Caller caller) {
        return saveAll(List.of(input), caller).get(0);
    }

    /** Checks every entry, refusing the first problem found, then stores them all (one snapshot reload). */
    public List<ReferenceEntry> saveAll(List<Input> inputs, Caller caller) {
        caller.requireAnyRole(Roles.ADMIN);
        for (Input input : inputs) {
            List<Problem> problems = problems(input, caller);
            if (!problems.isEmpty()) {
                throw problems.get(0).toApiProblem();
            }
        }
        List<ReferenceEntry> entries = inputs.stream().map(this::entry).toList();
        data.saved(entries, caller.username());
        return entries;
    }

    /** The entry as it will be stored (names trimmed); call only when {@link #problems} found none. */
    public ReferenceEntry entry(Input in) {
        OrgPath org = in.kind() == ReferenceKind.STATION || in.kind() == ReferenceKind.DEPARTMENT
                ? OrgPath.of(in.org()) : null;
        return new ReferenceEntry(in.kind(), in.code(), in.name().strip(), org, in.active(),
                in.kind() == ReferenceKind.ORG ? in.levelNames().stream().map(String::strip).toList() : List.of(),
                in.kind() == ReferenceKind.DEPARTMENT ? trimmed(in.department()) : null);
    }

    /** Everything wrong with the entry for this caller; empty when it can be saved. */
    public List<Problem> problems(Input in, Caller caller) {
        List<Problem> problems = new ArrayList<>();
        ReferenceKind kind = in.kind();
        if (!ReferenceEntry.isValidCode(kind, in.code())) {
            problems.add(bad("code", "invalid-code", kind == ReferenceKind.ORG
                            ? "政协组织编码应为小写字母、数字和连字符组成的路径，如 haikou/longhua：" + in.code()
                            : "编码应为 1–64 个小写字母、数字或连字符：" + in.code(),
                    "Malformed " + kind.wireName() + " code: " + in.code()));
            return problems;
        }
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > ReferenceEntry.MAX_NAME) {
            problems.add(bad("name", "invalid-name", "名称须为 1–" + ReferenceEntry.MAX_NAME + " 个字。",
                    "The name must be 1 to " + ReferenceEntry.MAX_NAME + " characters."));
        }
        int before = problems.size();
        belongsTo(in, problems);
        if (problems.size() > before) {
            return problems;
        }
        OrgPath owner = kind == ReferenceKind.ORG ? OrgPath.of(in.code())
                : kind == ReferenceKind.STATION || kind == ReferenceKind.DEPARTMENT ? OrgPath.of(in.org()) : null;
        boolean allowed = owner == null ? caller.org().depth() == 1 : caller.sees(owner);
        if (!allowed) {
            problems.add(new Problem(owner == null ? "code" : "org", HttpStatus.FORBIDDEN, "foreign-org",
                    owner == null ? "议题分类和界别由最高一级政协组织的管理员维护。" : "只能维护本级及下级政协组织的基础数据。",
                    owner == null ? "Topics and sectors are maintained by the administrators of the root body."
                            : "You maintain the reference data of your own body and the bodies below it only."));
            return problems;
        }
        if (kind == ReferenceKind.ORG && !in.active() && data.hasActiveDependants(OrgPath.of(in.code()))) {
            problems.add(new Problem("active", HttpStatus.CONFLICT, "org-in-use",
                    "该政协组织下仍有在用的下级组织、联系点或承办单位，请先停用它们。",
                    "Retire the sub-bodies, stations and departments of this body first."));
        }
        if (kind == ReferenceKind.ORG) {
            levelNames(in, problems);
        }
        if (kind == ReferenceKind.DEPARTMENT) {
            DepartmentChecks.check(in.department(), problems);
        }
        return problems;
    }

    private void belongsTo(Input in, List<Problem> problems) {
        switch (in.kind()) {
            case TOPIC, SECTOR -> {
                if (in.org() != null) {
                    problems.add(bad("org", "unexpected-org", "议题分类和界别全市通用，不属于某一政协组织。",
                            "Topics and sectors are city-wide and belong to no body."));
                }
            }
            case STATION, DEPARTMENT -> {
                String what = in.kind() == ReferenceKind.STATION ? "联系点" : "承办单位";
                if (in.org() == null || !OrgPath.isValid(in.org()) || !data.isOrg(OrgPath.of(in.org()))) {
                    problems.add(bad("org", "unknown-org", what + "须属于一个已登记的在用政协组织：" + in.org(),
                            "It must belong to a registered, active body: " + in.org()));
                }
            }
            case ORG -> {
                OrgPath path = OrgPath.of(in.code());
                path.parent().ifPresent(parent -> {
                    var known = data.find(ReferenceKind.ORG, parent.value());
                    if (known.isEmpty()) {
                        problems.add(bad("code", "unknown-parent", "上级政协组织未登记：" + parent,
                                "The parent body is not registered: " + parent));
                    } else if (!known.get().active()) {
                        problems.add(bad("code", "retired-parent", "上级政协组织已停用，不能在其下增设组织：" + parent,
                                "The parent body is retired; no body can be added below it: " + parent));
                    }
                });
            }
        }
    }

    private static void levelNames(Input in, List<Problem> problems) {
        List<String> names = in.levelNames() == null ? List.of() : in.levelNames();
        if (names.isEmpty()) {
            return;
        }
        if (OrgPath.of(in.code()).depth() > 1) {
            problems.add(bad("levelNames", "unexpected-level-names", "层级名称在最高一级政协组织上设置，对整棵组织树有效。",
                    "Level names are set on the root body and apply to its whole tree."));
        } else if (names.size() > 6 || names.stream().anyMatch(n -> n == null || n.isBlank()
                || n.strip().length() > ReferenceEntry.MAX_LEVEL_NAME)) {
            problems.add(bad("levelNames", "invalid-level-names", "层级名称最多 6 级，每级 1–"
                    + ReferenceEntry.MAX_LEVEL_NAME + " 个字，如 省级、市级、区（县）级、街镇。",
                    "Up to 6 level names of 1 to " + ReferenceEntry.MAX_LEVEL_NAME + " characters each."));
        }
    }

    private static DepartmentInfo trimmed(DepartmentInfo d) {
        if (d == null) {
            return new DepartmentInfo(null, DepartmentInfo.Kind.PARTY_GOVERNMENT.wireName(), null, null, null);
        }
        return new DepartmentInfo(strip(d.shortName()), DepartmentInfo.Kind.parse(d.kind())
                .orElse(DepartmentInfo.Kind.PARTY_GOVERNMENT).wireName(), strip(d.contactPerson()), strip(d.phone()),
                strip(d.email()));
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Problem bad(String field, String code, String zh, String en) {
        return new Problem(field, HttpStatus.BAD_REQUEST, code, zh, en);
    }
}
