package io.stowage.api.network;

/** A node and its great-circle distance from the point that was asked about. */
public record NearbyNode(Node node, double distanceKm) {
}
