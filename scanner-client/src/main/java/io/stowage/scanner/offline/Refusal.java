package io.stowage.scanner.offline;

import io.stowage.scanner.service.Problem;

import java.time.Instant;

/** A queued confirmation the service refused when it was finally sent, kept until the worker has seen to it. */
public record Refusal(Confirmation confirmation, Problem problem, Instant refusedAt) {
}
