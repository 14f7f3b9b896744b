package io.stowage.api.network;

import java.util.UUID;

/** A location as the API shows it to the 3PL's staff, with its zone and pick face by name. */
public record Location(UUID id, String code, String zoneCode, String type, Integer aisle, Integer bay, Integer level,
                       int xMm, int yMm, PickFace pickFace, int pickFaceMin, boolean active) {

    Location withPickFace(PickFace named) {
        return new Location(id, code, zoneCode, type, aisle, bay, level, xMm, yMm, named, pickFaceMin, active);
    }

    /** The variant a pick face is dedicated to. */
    public record PickFace(UUID merchantId, UUID variantId, String sku) {
    }
}
