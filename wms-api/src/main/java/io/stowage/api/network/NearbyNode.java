package io.stowage.api.network;

import io.stowage.api.Published;

/** A node and its great-circle distance from the point that was asked about. */
@Published
public record NearbyNode(Node node, double distanceKm) {
}
