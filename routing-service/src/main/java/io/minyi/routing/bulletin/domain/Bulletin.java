package io.minyi.routing.bulletin.domain;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportInBulletin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One issue of a body's bulletin, 《社情民意信息专报》: numbered per body per year, compiled from reports
 * the body signed off, then published (each report in it gets an event) and exported.
 */
public record Bulletin(String id, OrgPath org, String office, int year, int number, Status status, List<Item> items,
                       Distribution distribution, String signer, Instant createdAt, Instant publishedAt, long version) {

    public enum Status {
        DRAFT, PUBLISHED
    }

    /** A report as printed in the issue: its edited title and text, who reported it. */
    public record Item(String reportId, OrgPath reportOrg, String title, String body, String authorName) {
    }

    /**
     * Who the issue goes to, as printed in its 版记: 报送 (the leaders it is sent up to) and 抄送 (copies);
     * either may be empty.
     */
    public record Distribution(String sendTo, String copyTo) {
        public static final Distribution DEFAULT = new Distribution("党委、人大常委会、政府、政协领导同志", "");

        public Distribution {
            sendTo = sendTo == null ? "" : sendTo.strip();
            copyTo = copyTo == null ? "" : copyTo.strip();
        }
    }

    public Bulletin {
        Objects.requireNonNull(org);
        Objects.requireNonNull(status);
        items = items == null ? List.of() : List.copyOf(items);
        distribution = distribution == null ? Distribution.DEFAULT : distribution;
    }

    public static String id(OrgPath org, int year, int number) {
        return org.value().replace('/', '.') + "-" + year + "-" + number;
    }

    /** A new, empty issue; {@code office} is the editing office as printed (海口市政协办公室). */
    public static Bulletin draft(OrgPath org, String office, int year, int number, Instant now) {
        return new Bulletin(id(org, year, number), org, office, year, number, Status.DRAFT, List.of(),
                Distribution.DEFAULT, null, now, null, 0);
    }

    /** 《社情民意信息专报》2026年第12期 */
    public String title() {
        return "社情民意信息专报 " + year + "年第" + number + "期";
    }

    /** Replaces the contents of a draft, in the given order. */
    public Bulletin withItems(List<Item> chosen) {
        requireDraft();
        return new Bulletin(id, org, office, year, number, status, chosen, distribution, null, createdAt, null,
                version + 1);
    }

    /** Sets the editing office and the 版记 of a draft. */
    public Bulletin withDistribution(String editingOffice, Distribution to) {
        requireDraft();
        return new Bulletin(id, org, editingOffice == null || editingOffice.isBlank() ? office : editingOffice.strip(),
                year, number, status, items, to, null, createdAt, null, version + 1);
    }

    /**
     * Publishes the issue, signed by the leader who publishes it (签发人): one event for every report in it.
     * An empty issue is not published.
     */
    public Published publish(Actor leader, Instant now) {
        requireDraft();
        if (items.isEmpty()) {
            throw new IllegalStateException("an empty issue cannot be published");
        }
        Bulletin next = new Bulletin(id, org, office, year, number, Status.PUBLISHED, items, distribution,
                leader.name(), createdAt, now, version + 1);
        return new Published(next, items.stream().map(i -> new ReportInBulletin(UUID.randomUUID(), now, i.reportId(),
                i.reportOrg(), leader, org, year, number, title())).toList());
    }

    private void requireDraft() {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("issue " + id + " is published already");
        }
    }

    public record Published(Bulletin bulletin, List<ReportInBulletin> events) {
    }
}
