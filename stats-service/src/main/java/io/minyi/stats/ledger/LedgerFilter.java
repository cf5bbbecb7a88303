package io.minyi.stats.ledger;

import io.minyi.contracts.OrgPath;

import java.time.LocalDate;

/** Which reports the 台账 lists: a body and those below it, submitted in [from, to], and the screen's filters. */
public record LedgerFilter(OrgPath org, LocalDate from, LocalDate to, String topic, String sector, String station,
                    String channel, String department, String stage) {
}
