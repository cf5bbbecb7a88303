package io.minyi.intake.reference;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.reference.domain.ReferenceEntry;
import io.minyi.intake.reference.domain.ReferenceKind;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Changes to the reference lists, by administrators: topics and sectors by those of a city (a root
 * body), bodies and stations by those of the body concerned or a body above it. Every rule is checked
 * before anything is written.
 */
@Service
public class ReferenceAdmin {

    private final ReferenceData data;

    ReferenceAdmin(ReferenceData data) {
        this.data = data;
    }

    /** Adds or changes an entry; {@code active = false} retires it. Returns the entry as stored. */
    public ReferenceEntry save(ReferenceKind kind, String code, String name, String org, boolean active,
                               Caller caller) {
        caller.requireAnyRole(Roles.ADMIN);
        if (!ReferenceEntry.isValidCode(kind, code)) {
            throw bad("invalid-code", kind == ReferenceKind.ORG
                            ? "政协组织编码应为小写字母、数字和连字符组成的路径，如 haikou/longhua：" + code
                            : "编码应为 1–64 个小写字母、数字或连字符：" + code,
                    "Malformed " + kind.wireName() + " code: " + code);
        }
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > ReferenceEntry.MAX_NAME) {
            throw bad("invalid-name", "名称须为 1–" + ReferenceEntry.MAX_NAME + " 个字。",
                    "The name must be 1 to " + ReferenceEntry.MAX_NAME + " characters.");
        }
        ReferenceEntry entry = new ReferenceEntry(kind, code, trimmed, belongsTo(kind, code, org), active);
        authorize(entry, caller);
        if (kind == ReferenceKind.ORG && !active && data.hasActiveDependants(OrgPath.of(code))) {
            throw new ApiProblem(HttpStatus.CONFLICT, "org-in-use", "该政协组织下仍有在用的下级组织或联系点，请先停用它们。",
                    "Retire the sub-bodies and stations of this body first.");
        }
        data.saved(entry, caller.username());
        return entry;
    }

    private OrgPath belongsTo(ReferenceKind kind, String code, String org) {
        return switch (kind) {
            case TOPIC, SECTOR -> {
                if (org != null) {
                    throw bad("unexpected-org", "议题分类和界别全市通用，不属于某一政协组织。",
                            "Topics and sectors are city-wide and belong to no body.");
                }
                yield null;
            }
            case STATION -> {
                if (org == null || !OrgPath.isValid(org) || !data.isOrg(OrgPath.of(org))) {
                    throw bad("unknown-org", "联系点须属于一个已登记的政协组织：" + org,
                            "A station belongs to a registered body: " + org);
                }
                yield OrgPath.of(org);
            }
            case ORG -> {
                OrgPath path = OrgPath.of(code);
                var lineage = path.selfAndAncestors();
                if (lineage.size() > 1 && !data.isOrg(OrgPath.of(lineage.get(lineage.size() - 2)))) {
                    throw bad("unknown-parent", "上级政协组织未登记：" + lineage.get(lineage.size() - 2),
                            "The parent body is not registered: " + lineage.get(lineage.size() - 2));
                }
                yield null;
            }
        };
    }

    private static void authorize(ReferenceEntry entry, Caller caller) {
        OrgPath owner = entry.owner();
        boolean allowed = owner == null ? caller.org().depth() == 1 : caller.sees(owner);
        if (!allowed) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "foreign-org",
                    owner == null ? "议题分类和界别由市政协管理员维护。" : "只能维护本级及下级政协组织的基础数据。",
                    owner == null ? "Topics and sectors are maintained by a city's administrators."
                            : "You maintain the reference data of your own body and the bodies below it only.");
        }
    }

    private static ApiProblem bad(String code, String zh, String en) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, zh, en);
    }
}
