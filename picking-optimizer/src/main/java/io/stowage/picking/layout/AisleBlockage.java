package io.stowage.picking.layout;

/**
 * An aisle that cannot be walked past position {@code y} (a pallet, a spill, maintenance). Locations on
 * either side of the blockage stay reachable from their own end of the aisle.
 */
public record AisleBlockage(int aisle, double y) {
}
