package io.stowage.api.orders;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What routing needs to know of an order besides its lines: the nodes that may ship it, nearest
 * first, and the lot rule; with each candidate's kind, for the answer.
 */
record RoutingContext(List<RoutingPolicy.Candidate> candidates, int minRemainingDays, Map<UUID, String> kinds) {
}
