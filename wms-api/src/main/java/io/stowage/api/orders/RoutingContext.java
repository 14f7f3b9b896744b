package io.stowage.api.orders;

import java.util.List;

/** What routing needs to know of an order besides its lines: the nodes that may ship it, nearest first, and the lot rule. */
record RoutingContext(List<RoutingPolicy.Candidate> candidates, int minRemainingDays) {
}
