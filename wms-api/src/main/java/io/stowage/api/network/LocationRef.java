package io.stowage.api.network;

import io.stowage.api.Published;
import java.util.UUID;

/**
 * What inventory, putaway and picking need to know about a location: where it is and whether a
 * pick face variant is assigned. Coordinates are millimetres on the node's floor plan: see
 * {@link RackLayout} for the convention.
 */
@Published
public record LocationRef(UUID id, UUID nodeId, String code, String type, Integer aisle, Integer bay, Integer level,
                          int xMm, int yMm, UUID pickFaceVariantId, int pickFaceMin, boolean active) {

    public boolean isPickFace() {
        return LocationType.PICK_FACE.json().equals(type);
    }
}
