package io.stowage.api.network;

import io.stowage.api.Published;

/** A location to create in a node; {@code zoneCode}, {@code aisle}, {@code bay} and {@code level} may be null. */
@Published
public record NewLocation(String code, String zoneCode, String type, Integer aisle, Integer bay, Integer level, int xMm, int yMm) {
}
