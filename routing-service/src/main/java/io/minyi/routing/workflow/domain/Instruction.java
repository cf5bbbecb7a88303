package io.minyi.routing.workflow.domain;

import io.minyi.contracts.Actor;
import io.minyi.contracts.FileRef;
import io.minyi.contracts.LeaderLevel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 批示: a leader's instruction on a report — who entered it ({@code by}: the leader, or the editor for one
 * given on paper), the leader's name, post ({@code rank}) and level, what, when; it may order assignment.
 */
public record Instruction(Actor by, String rank, String text, boolean ordersAssignment, Instant at, String leaderName,
                          LeaderLevel leaderLevel, LocalDate givenOn, boolean recorded, FileRef scan) {

    public Instruction {
        leaderName = leaderName == null ? by.name() : leaderName;
    }
}
