package io.stowage.api.network;

import java.util.UUID;

/** A named area of a node (ambient, cold room, returns), whose code prefixes its rack locations. */
public record Zone(UUID id, String code, String name) {
}
