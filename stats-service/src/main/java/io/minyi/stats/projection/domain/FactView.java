package io.minyi.stats.projection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One report as the 台账 lists it: what it is, who filed it, the date of each step, who handles it, the
 * answer letter's number, the outcome and its level, the authors' ratings and where it stands. Codes, not
 * names: the reader names them.
 */
public record FactView(String id, String org, String title, String authorName, List<String> coAuthors,
                       String channel, String station, String topic, String sector, Instant submittedAt,
                       Instant signedOffAt, Instant forwardedUpAt, int instructions, Instant assignedAt,
                       String department, LocalDate deadline, Instant respondedAt, String letterNo, Instant closedAt,
                       String outcome, String adoptionLevel, List<String> ratings, String status) {
}
