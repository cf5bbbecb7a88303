package io.minyi.contracts.reference;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An entry of a reference list as it is now: added, renamed, retired or restored. Retired entries
 * keep their name, since reports and statistics keep their codes.
 *
 * @param list       {@code topics}, {@code sectors}, {@code stations}, {@code orgs} or {@code departments}
 * @param code       the entry's code; a body's code is its path ({@code haikou/longhua})
 * @param name       the full name (单位全称 for a department)
 * @param org        the body a station or a department belongs to; null for topics, sectors and bodies
 * @param levelNames a root body's names of its tree's levels, from itself down (省级, 市级, 区（县）级, 街镇);
 *                   empty otherwise
 * @param department a department's further details; null for other lists
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReferenceChanged(UUID eventId, Instant occurredAt, String actor, long revision, String list,
                               String code, String name, String org, boolean active, List<String> levelNames,
                               Department department) implements ReferenceEvent {

    public static final String TYPE = "reference.entry-changed";

    public ReferenceChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        levelNames = levelNames == null ? List.of() : List.copyOf(levelNames);
    }

    /**
     * A department's (承办单位) details for assigning and for notices.
     *
     * @param shortName 单位简称, shown in lists and rankings
     * @param kind      {@code party-government} 党政部门, {@code people-organization} 人民团体,
     *                  {@code enterprise-institution} 企事业单位, {@code other} 其他
     */
    public record Department(String shortName, String kind, String contactPerson, String phone, String email) {
    }

    @Override
    public String key() {
        return list + ":" + code;
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
