package io.minyi.routing.workflow.domain;

import io.minyi.contracts.Actor;

import java.time.Instant;

/** 批示: a leader's instruction on a report — who, their rank, what, when; it may order assignment. */
public record Instruction(Actor by, String rank, String text, boolean ordersAssignment, Instant at) {
}
